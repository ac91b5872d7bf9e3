//! The `kubesim` binary: a few lines around `kubesim::cli::main()`.

// Commands decode and drop many small objects; mimalloc frees them far faster than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(kubesim::cli::main());
}
