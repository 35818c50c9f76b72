#define _GNU_SOURCE
#include "girconv_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

/// Makes `fd` the descriptor `target` of the child, without close-on-exec.
static int place(int fd, int target) {
    if (fd == target) {
        int flags = fcntl(fd, F_GETFD);
        return flags < 0 ? -1 : fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
    }
    return dup2(fd, target) < 0 ? -1 : 0;
}

/// Opens /dev/null as the descriptor `target` of the child.
static int place_null(int target, int flags) {
    int fd = open("/dev/null", flags);
    if (fd < 0) return -1;
    if (fd == target) return 0;
    int result = dup2(fd, target);
    close(fd);
    return result < 0 ? -1 : 0;
}

/// The child, between vfork and execve: async-signal-safe calls only, and it never returns.
static void child(const char *path, char *const argv[], char *const envp[],
                  int stdin_fd, int stdout_fd, long long limit) {
    // Default actions for every signal (a handler of the parent must never run in the child), then
    // nothing blocked.
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    for (int signal = 1; signal < NSIG; signal++) {
        if (signal == SIGKILL || signal == SIGSTOP) continue;
        sigaction(signal, &action, NULL);   // fails harmlessly for the numbers glibc reserves
    }
    sigset_t none;
    sigemptyset(&none);

    // Standard output first: its descriptor may be 0, which standard input is about to take.
    int out = stdout_fd;
    if (out == 0) {
        out = fcntl(stdout_fd, F_DUPFD_CLOEXEC, 3);
        if (out < 0) _exit(126);
    }
    if ((stdin_fd >= 0 ? place(stdin_fd, 0) : place_null(0, O_RDONLY)) != 0) _exit(126);
    if (place(out, 1) != 0) _exit(126);
    if (place_null(2, O_WRONLY) != 0) _exit(126);

    if (limit > 0) {
        struct rlimit current;
        if (getrlimit(RLIMIT_AS, &current) != 0) _exit(GIRCONV_SPAWN_LIMIT_NOT_SET);
        rlim_t wanted = (rlim_t)limit;
        struct rlimit bound = { wanted, wanted };
        if (current.rlim_max != RLIM_INFINITY && current.rlim_max < wanted) {
            // A lower hard limit is already set: the program runs within it.
            bound.rlim_cur = current.rlim_max;
            bound.rlim_max = current.rlim_max;
        }
        if (setrlimit(RLIMIT_AS, &bound) != 0) _exit(GIRCONV_SPAWN_LIMIT_NOT_SET);
    }

    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(path, argv, envp);
    _exit(errno == ENOENT || errno == ENOTDIR ? 127 : 126);
}

int girconv_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                  int stdin_fd, int stdout_fd, long long address_space_limit) {
    // Every signal blocked across vfork, so that no handler of ours runs in the child while it shares our
    // memory; the child unblocks them after resetting their actions, the parent restores its mask.
    sigset_t all, saved;
    sigfillset(&all);
    if (pthread_sigmask(SIG_SETMASK, &all, &saved) != 0) return EAGAIN;
    pid_t child_pid = vfork();
    if (child_pid == 0) {
        child(path, argv, envp, stdin_fd, stdout_fd, address_space_limit);
    }
    int error = child_pid < 0 ? errno : 0;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    if (child_pid < 0) return error;
    *pid = child_pid;
    return 0;
}
