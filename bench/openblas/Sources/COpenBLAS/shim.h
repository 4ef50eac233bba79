// OpenBLAS's CBLAS interface plus its extensions (openblas_set_num_threads, openblas_get_config, ...).
// The include path comes from pkg-config (Debian: /usr/include/x86_64-linux-gnu/openblas-<variant>/).
#include <cblas.h>
