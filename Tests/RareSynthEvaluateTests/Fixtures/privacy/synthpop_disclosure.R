# Reference values for RareSynth's SynthpopDisclosure, computed by synthpop's own code.
#
# Usage (from this folder): Rscript synthpop_disclosure.R DISCLOSURE_R
# where DISCLOSURE_R is R/disclosure.R of synthpop 1.9-2 (the CRAN release of 2025-07-12; the
# Debian archive has no r-cran-synthpop, so the file is sourced on its own). It needs stringr and
# jsonlite (Debian: r-cran-stringr, r-cran-jsonlite). For each case below it reads train.csv (the
# original data) and synthetic.csv, runs disclosure.synds() once per target with synthpop's
# defaults (what multi.disclosure() does per target) and writes CASE/synthpop.json.
#
# disclosure.data.frame() first calls synorig.compare(), which lives in another synthpop file; here
# the synds object is built directly instead, with text columns read as factors (what
# synorig.compare does for these tables) and numbers left numeric (disclosure.synds turns them into
# factors itself).
suppressMessages({library(stringr); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
source(args[1])

cases <- list(
  "lung-sdv" = list(keys = c("age", "sex", "ph.ecog"), targets = c("status", "ph.karno", "wt.loss")),
  "lung-raresynth" = list(keys = c("age", "sex", "ph.ecog"), targets = c("status", "pat.karno")),
  "lung-copies" = list(keys = c("sex", "age", "inst"), targets = c("status", "ph.ecog", "meal.cal")),
  "cgd-sdv" = list(keys = c("sex", "age", "center"), targets = c("inherit", "treat")),
  "pbc-sdv" = list(keys = c("sex", "stage", "trt", "edema"), targets = c("status", "ascites", "hepato"))
)

# Numbers as 17 significant digits (round-trip); jsonlite 1.8 prints at most 15.
exact <- function(row) lapply(as.list(row), function(x) {
  if (is.na(x) || !is.finite(x)) NA else structure(sprintf("%.17g", x), class = "json")
})

for (name in names(cases)) {
  case <- cases[[name]]
  original <- read.csv(file.path(name, "train.csv"), na.strings = "", stringsAsFactors = TRUE)
  synthetic <- read.csv(file.path(name, "synthetic.csv"), na.strings = "", stringsAsFactors = TRUE)
  cont.na <- as.list(rep(NA, length(original)))
  names(cont.na) <- names(original)
  object <- list(syn = synthetic, m = 1, cont.na = cont.na)
  class(object) <- "synds"
  results <- lapply(case$targets, function(target) {
    d <- disclosure.synds(object, original, keys = case$keys, target = target, print.flag = FALSE)
    list(target = target, keys = case$keys, ident = exact(d$ident[1, ]),
         attrib = exact(d$attrib[1, ]), allCAPs = exact(d$allCAPs[1, ]))
  })
  writeLines(toJSON(list(case = name, synthpop = "1.9-2 R/disclosure.R", R = R.version.string, results = results),
                    auto_unbox = TRUE, na = "null", pretty = TRUE, json_verbatim = TRUE),
             file.path(name, "synthpop.json"))
  cat(name, "done\n")
}
