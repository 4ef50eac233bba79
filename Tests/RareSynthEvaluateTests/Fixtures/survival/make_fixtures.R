# Reference values for the Kaplan–Meier, quantile/median and log-rank code, computed by R's
# `survival` package (see README.md in this folder for versions and the exact command).
#
# Usage (from the repository root):
#   Rscript Tests/RareSynthEvaluateTests/Fixtures/survival/make_fixtures.R \
#       ../shared/data /tmp/raresynth-bench/pbc.sdv.0.csv \
#       Tests/RareSynthEvaluateTests/Fixtures/survival/survival.json
#
# Every number is written with sprintf("%.17g"), which round-trips an IEEE double exactly; NA and
# NaN become null, ±Inf the strings "Inf"/"-Inf". Each case stores its input (time, event 0/1,
# optional group label; null where R's na.omit drops the row) next to what R computed from it.
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: make_fixtures.R DATA_DIR SYNTHETIC_PBC_CSV OUT_JSON")
data_dir <- args[1]
synthetic_csv <- args[2]
out_json <- args[3]

# --- a minimal JSON writer with exact doubles -------------------------------------------------
num <- function(x) {
    x <- as.numeric(x)
    ifelse(is.na(x), "null",
           ifelse(is.infinite(x), ifelse(x > 0, "\"Inf\"", "\"-Inf\""), sprintf("%.17g", x)))
}
str_json <- function(x) ifelse(is.na(x), "null", paste0("\"", gsub("\"", "\\\\\"", x), "\""))
arr <- function(x) paste0("[", paste(x, collapse = ","), "]")
# obj(list(a = "1", b = NULL)) -> {"a":1}; values are already JSON text.
obj <- function(fields) {
    fields <- fields[!vapply(fields, is.null, logical(1))]
    paste0("{", paste(sprintf("\"%s\":%s", names(fields), unlist(fields)), collapse = ","), "}")
}
nums <- function(x) arr(num(x))

conf_types <- c("log", "log-log", "plain")
probs <- c(0.25, 0.5, 0.75)

# --- one curve ---------------------------------------------------------------------------------
# One curve of a survfit object (or one stratum of it): every column of the KM table, the
# confidence limits of each conf.type, quantile() and print()'s median with its limits.
# `stride` > 1 keeps every stride-th row (and the last) of a long table to keep the file small;
# `all_types` = FALSE stores the limits of the default conf.type "log" only (the quantiles and
# medians are always stored for all three types).
curve_json <- function(fits, label, stratum, all_types, stride) {
    pick <- function(f) if (is.null(stratum)) f else f[stratum]
    base <- pick(fits[["log"]])
    nrow <- length(base$time)
    rows <- if (stride > 1) sort(unique(c(seq(1, nrow, by = stride), nrow))) else seq_len(nrow)
    types <- if (all_types) conf_types else "log"
    ci <- lapply(types, function(ct) {
        f <- pick(fits[[ct]])
        obj(list(lower = nums(f$lower[rows]), upper = nums(f$upper[rows])))
    })
    names(ci) <- types
    quant <- lapply(conf_types, function(ct) {
        q <- quantile(pick(fits[[ct]]), probs = probs)
        obj(list(probs = nums(probs), quantile = nums(q$quantile), lower = nums(q$lower),
                 upper = nums(q$upper)))
    })
    names(quant) <- conf_types
    printed <- lapply(conf_types, function(ct) {
        tab <- summary(pick(fits[[ct]]))$table
        obj(list(median = num(tab[["median"]]), lower = num(tab[["0.95LCL"]]),
                 upper = num(tab[["0.95UCL"]]), events = num(tab[["events"]])))
    })
    names(printed) <- conf_types
    obj(list(group = str_json(label), n = num(base$n), n_rows = num(nrow),
             row_index = if (stride > 1) nums(rows - 1) else NULL,
             time = nums(base$time[rows]), n_risk = nums(base$n.risk[rows]),
             n_event = nums(base$n.event[rows]), n_censor = nums(base$n.censor[rows]),
             surv = nums(base$surv[rows]), std_err = nums(base$std.err[rows]),
             summary_std_err = nums(summary(base, censored = TRUE)$std.err[rows]),
             cumhaz = nums(base$cumhaz[rows]), std_chaz = nums(base$std.chaz[rows]),
             ci = obj(ci), quantile = obj(quant), print = obj(printed)))
}

# --- one case ----------------------------------------------------------------------------------
# time: numeric; event: 0/1; group: character or NULL. Rows with a missing group are kept in the
# stored input (as null) and dropped by survfit/survdiff's default na.action, as R does.
case_json <- function(name, time, event, group = NULL, all_types = TRUE, stride = 1,
                      curves = TRUE, logrank = !is.null(group), extra = NULL) {
    d <- data.frame(time = time, event = event)
    if (!is.null(group)) d$group <- group
    fits <- lapply(conf_types, function(ct) {
        if (is.null(group)) survfit(Surv(time, event) ~ 1, data = d, conf.type = ct)
        else survfit(Surv(time, event) ~ group, data = d, conf.type = ct)
    })
    names(fits) <- conf_types
    curve_list <- NULL
    if (curves) {
        if (is.null(group)) {
            curve_list <- arr(curve_json(fits, NA, NULL, all_types, stride))
        } else {
            labels <- sub("^group=", "", names(fits[["log"]]$strata))
            curve_list <- arr(vapply(seq_along(labels), function(i)
                curve_json(fits, labels[i], i, all_types, stride), character(1)))
        }
    }
    test <- NULL
    if (logrank) {
        s <- survdiff(Surv(time, event) ~ group, data = d)
        df <- sum(s$exp > 0) - 1
        v <- s$var
        test <- obj(list(groups = arr(str_json(sub("^group=", "", names(s$n)))),
                         n = nums(as.vector(s$n)), observed = nums(s$obs), expected = nums(s$exp),
                         variance = arr(vapply(seq_len(nrow(v)), function(i) nums(v[i, ]), character(1))),
                         chisq = num(s$chisq), df = num(df), pvalue = num(s$pvalue)))
    }
    fields <- list(name = str_json(name), time = nums(time), event = nums(event),
                   group = if (is.null(group)) NULL else arr(str_json(group)),
                   curves = curve_list, logrank = test)
    obj(c(fields, extra))
}

# --- the clinical datasets -----------------------------------------------------------------------
read <- function(f) read.csv(file.path(data_dir, f))
pbc <- read("pbc.csv")
lung <- read("lung.csv")
veteran <- read("veteran.csv")
colon <- read("colon.csv")
colon <- colon[colon$etype == 2, ]
nwtco <- read("nwtco.csv")
synthetic <- read.csv(synthetic_csv)

pbc_event <- as.numeric(pbc$status == 2)
# Long tables keep every 4th/20th row (`stride`); pbc without grouping is the "real" curve of the
# real-versus-synthetic case below.
cases <- c(
    case_json("pbc by trt", pbc$time, pbc_event, as.character(pbc$trt), all_types = FALSE),
    case_json("lung by sex", lung$time, as.numeric(lung$status == 2), as.character(lung$sex)),
    case_json("veteran by trt", veteran$time, veteran$status, as.character(veteran$trt)),
    case_json("colon death by rx", colon$time, colon$status, colon$rx, all_types = FALSE, stride = 4),
    case_json("nwtco relapse by stage", nwtco$edrel, nwtco$rel, as.character(nwtco$stage),
              all_types = FALSE, stride = 20)
)

# --- real versus synthetic ---------------------------------------------------------------------
# The group is the table of origin. Besides R's KM curves and log-rank test, the distance between
# the two curves is computed here independently of the Swift code (stepfun evaluation on the
# union of jump points; see CurveDistance's doc comment for the definition).
real_time <- pbc$time
real_event <- pbc_event
synth_time <- synthetic$time
synth_event <- as.numeric(synthetic$status == 2)
both_time <- c(real_time, synth_time)
both_event <- c(real_event, synth_event)
origin <- c(rep("real", length(real_time)), rep("synthetic", length(synth_time)))
fit_real <- survfit(Surv(real_time, real_event) ~ 1)
fit_synth <- survfit(Surv(synth_time, synth_event) ~ 1)
horizon <- min(max(fit_real$time), max(fit_synth$time))
grid <- sort(unique(c(0, fit_real$time, fit_synth$time)))
grid <- grid[grid <= horizon]
s_real <- stepfun(fit_real$time, c(1, fit_real$surv))(grid)
s_synth <- stepfun(fit_synth$time, c(1, fit_synth$surv))(grid)
gap <- abs(s_real - s_synth)
integrated <- sum(gap[-length(grid)] * diff(grid))
distance <- obj(list(horizon = num(horizon), max_gap = num(max(gap)),
                     max_gap_time = num(grid[which.max(gap)]),
                     integrated_gap = num(integrated), mean_gap = num(integrated / horizon)))
cases <- c(cases, case_json("pbc real vs synthetic", both_time, both_event, origin,
                            all_types = FALSE, stride = 2, extra = list(distance = distance)))

# --- hand-made edge cases ------------------------------------------------------------------------
cases <- c(cases,
    # events and censorings tied at t = 2 and t = 4 (events count first: the censored are at risk)
    case_json("ties", c(1, 2, 2, 2, 3, 4, 4, 5, 6, 6), c(1, 1, 0, 1, 0, 1, 0, 1, 0, 1)),
    case_json("all censored", c(3, 1, 2, 2), c(0, 0, 0, 0)),
    case_json("one subject, event", 5, 1),
    case_json("one subject, censored", 5, 0),
    # S = 0.5 exactly on a flat stretch that reaches the last time: quantile() takes the midpoint
    # of the stretch, print() its start
    case_json("flat at one half to the end", c(1, 2, 3, 4), c(1, 1, 0, 0)),
    # S = 0.5 exactly on a flat stretch followed by a drop: both take the midpoint
    case_json("flat at one half then drop", c(1, 2, 3, 4), c(1, 1, 0, 1)),
    # the curve reaches 0: std.err Inf, limits NA/NaN
    case_json("all die", c(1, 2, 3, 4), c(1, 1, 1, 1)),
    # deaths at time 0 and a tie of every subject at risk
    case_json("death at zero", c(0, 0, 1, 2, 2), c(1, 0, 1, 1, 1)),
    # nearly equal times that aeqSurv (timefix = TRUE) merges: absolute and relative criteria
    case_json("near ties merged", c(1, 1 + 1e-10, 2, 1e6, 1e6 + 1e-3, 1e6 + 10),
              c(1, 1, 0, 1, 0, 1)),
    # a group with one subject
    case_json("group of one", c(1, 2, 3, 4, 5), c(1, 1, 0, 1, 1), c("A", "A", "A", "A", "B")),
    # a third group with no expected events is left out of the test (df = 1)
    case_json("group without expected events", c(1, 2, 3, 4, 5, 6, 0.5, 0.7),
              c(1, 0, 1, 1, 0, 1, 0, 0), c("A", "A", "A", "B", "B", "B", "C", "C")),
    # only one group keeps expected events: chisq 0 on 0 df, p = 1
    case_json("one group with expected events", c(1, 2, 3, 0.5, 0.7), c(1, 0, 1, 0, 0),
              c("A", "A", "A", "C", "C")),
    # no events at all: chisq 0 on -1 df, p NaN
    case_json("no events", c(1, 2, 3, 4), c(0, 0, 0, 0), c("A", "A", "B", "B")),
    # three groups, unequal sizes, ties across groups
    case_json("three groups", c(1, 1, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9),
              c(1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1),
              c("b", "a", "c", "a", "b", "c", "a", "b", "c", "a", "b", "a", "b", "c"))
)

json <- obj(list(r_version = str_json(R.version.string),
                 survival_version = str_json(as.character(packageVersion("survival"))),
                 z975 = num(qnorm(0.975)),
                 cases = arr(cases)))
writeLines(json, out_json)
cat("wrote", out_json, "(", file.size(out_json), "bytes,", length(cases), "cases )\n")
