//! The allocator the `dateline` binary runs with (see `src/main.rs`), so that every bench
//! measures what users run rather than glibc's malloc.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
