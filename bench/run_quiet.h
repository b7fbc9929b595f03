#pragma once
// Runs the lotrinh CLI inside a bench with its standard output sent to /dev/null (the output is
// still formatted and written, so its cost is timed). Shared by the benches that time commands.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/app.h"

inline int run_quiet(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::cout.flush();
  std::fflush(stdout);
  int saved = dup(1);
  int null = open("/dev/null", O_WRONLY);
  if (saved < 0 || null < 0) throw std::runtime_error("cannot redirect stdout");
  dup2(null, 1);
  close(null);
  int rc = lotrinh::cli::main(static_cast<int>(argv.size()), argv.data());
  std::cout.flush();
  std::fflush(stdout);
  dup2(saved, 1);
  close(saved);
  return rc;
}
