#pragma once
// The lotrinh command line: parses arguments (CLI11), runs a command, maps errors to exit codes.
namespace lotrinh::cli {

/// Exit codes: 0 ok; 1 the check ran and found failures; 2 invalid input (diagnostics on
/// stderr); 3 internal error.
int main(int argc, char** argv);

}  // namespace lotrinh::cli
