// The lotrinh executable: everything is in engine/cli/app.cpp. It runs on a thread with a large
// stack: the rule walkers (evaluation, explain, diff, the gap search) recurse along chains of
// criteria, which a rule file may nest up to rules::kMaxCriteriaChain deep; the 8 MiB main stack
// would overflow long before that. The stack is reserved, not used: pages are only touched as deep
// as a file nests.
#include <pthread.h>
#include <signal.h>

#include "cli/app.h"

namespace {

struct Args {
  int argc;
  char** argv;
  int rc = 3;
};

void* run(void* p) {
  auto* a = static_cast<Args*>(p);
  a->rc = lotrinh::cli::main(a->argc, a->argv);
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  constexpr size_t kStack = size_t{1} << 30;  // 1 GiB of address space
  Args args{argc, argv};
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, kStack) == 0 &&
      pthread_create(&thread, &attr, run, &args) == 0) {
    pthread_attr_destroy(&attr);
    // SIGINT and SIGTERM go to the working thread only: it blocks them while it updates what its
    // handler reads (the temporary --out file), which it could not do if this thread took them.
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &s, nullptr);
    pthread_join(thread, nullptr);
    return args.rc;
  }
  // No thread could be made (a tight address-space limit): run here, on the ordinary stack.
  run(&args);
  return args.rc;
}
