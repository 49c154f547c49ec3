//! The `communique` binary: everything lives in the library; see [`communique::cli`].

fn main() -> std::process::ExitCode {
    communique::cli::main()
}
