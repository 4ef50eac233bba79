/// Training allocates and frees the same large buffers (a 500 × 256 activation is 512 KB) every
/// step. glibc serves blocks above its mmap threshold with fresh mappings, so each step would
/// pay page faults and kernel zeroing for memory it just returned. Raising the mmap and trim
/// thresholds (once per process, on the first tape) keeps those blocks in the heap for reuse.
enum MemoryTuning {
    static let applied: Bool = {
        #if os(Linux)
        // glibc's <malloc.h> is not in the Glibc module; M_TRIM_THRESHOLD = -1 and
        // M_MMAP_THRESHOLD = -3 are its fixed values.
        _ = glibcMallopt(-3, 256 << 20)
        _ = glibcMallopt(-1, 512 << 20)
        return true
        #else
        return false
        #endif
    }()
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
