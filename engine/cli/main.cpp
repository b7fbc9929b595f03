// The lotrinh executable: everything is in engine/cli/app.cpp.
#include "cli/app.h"

int main(int argc, char** argv) { return lotrinh::cli::main(argc, argv); }
