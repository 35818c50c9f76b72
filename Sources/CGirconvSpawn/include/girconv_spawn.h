#ifndef GIRCONV_SPAWN_H
#define GIRCONV_SPAWN_H

#include <sys/types.h>

/// The exit status of the child when the address-space limit could not be set (the program was not run).
#define GIRCONV_SPAWN_LIMIT_NOT_SET 125

/// Starts `path` with `argv` and `envp` (both NULL-terminated), as posix_spawn would, and with an
/// address-space limit (RLIMIT_AS) set in the child before exec when `address_space_limit` > 0.
///
/// The child's standard input is `stdin_fd` (or /dev/null when it is -1), its standard output `stdout_fd`,
/// its standard error /dev/null; every signal is back to its default action and none is blocked. Between
/// vfork and execve the child only calls async-signal-safe functions (sigaction, sigprocmask, open, dup2,
/// fcntl, getrlimit, setrlimit, execve, _exit). When the hard limit is already lower than the one asked,
/// the program runs within that one; when the limit cannot be set at all, the child exits with
/// GIRCONV_SPAWN_LIMIT_NOT_SET. When execve fails, the child exits 127 (not found) or 126 (cannot be
/// executed), as a shell does.
///
/// Returns 0 and the child's pid in `pid`, or an errno value when no child could be started.
int girconv_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                  int stdin_fd, int stdout_fd, long long address_space_limit);

#endif
