#pragma once

// Looks for a secret in this process's own memory: every private writable mapping (heap, stacks,
// anonymous maps), as an attacker with a core dump or /proc/PID/mem would. Used by the tests that
// prove typed passwords leave no copy behind (issue 9 part 7).
//
// It allocates nothing on the heap while it looks: a freed buffer still holding the secret would
// otherwise be handed to the scan's own allocations and overwritten before it could be seen.

#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <unistd.h>

namespace mdp::testing {

// The places where the UTF-16 form of `ascii` (as a QString holds it) occurs, apart from the needle
// this function builds to search with; -1 when the memory map cannot be read.
inline int countUtf16Copies(std::string_view ascii)
{
    char needle[512];
    if (ascii.empty() || ascii.size() * 2 > sizeof needle)
        return -1;
    for (std::size_t i = 0; i < ascii.size(); ++i) {
        needle[2 * i] = ascii[i];
        needle[2 * i + 1] = '\0';
    }
    const std::size_t needleSize = ascii.size() * 2;

    static char maps[1 << 20];
    const int fd = ::open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        explicit_bzero(needle, sizeof needle);
        return -1;
    }
    std::size_t length = 0;
    for (ssize_t n; (n = ::read(fd, maps + length, sizeof maps - 1 - length)) > 0;)
        length += std::size_t(n);
    ::close(fd);
    if (length == 0) {
        explicit_bzero(needle, sizeof needle);
        return -1;
    }
    maps[length] = '\0';

    int found = 0;
    for (char *line = maps; line < maps + length;) {
        char *end = std::strchr(line, '\n');
        if (!end)
            end = maps + length;
        *end = '\0';
        // "start-end perms offset dev inode [path]"
        char *cursor = nullptr;
        const auto start = std::strtoull(line, &cursor, 16);
        const auto stop = (*cursor == '-') ? std::strtoull(cursor + 1, &cursor, 16) : 0;
        const bool privateWritable = std::strncmp(cursor, " rw-p", 5) == 0;
        const bool kernel = std::strstr(line, "[vvar]") || std::strstr(line, "[vsyscall]");
        if (privateWritable && !kernel && stop > start) {
            const char *p = reinterpret_cast<const char *>(start);
            const char *const last = reinterpret_cast<const char *>(stop);
            while (p < last) {
                const void *hit = memmem(p, std::size_t(last - p), needle, needleSize);
                if (!hit)
                    break;
                if (hit != needle)
                    ++found;
                p = static_cast<const char *>(hit) + 1;
            }
        }
        line = end + 1;
    }
    explicit_bzero(needle, sizeof needle); // or the next scan, from a deeper frame, finds this one
    return found;
}

} // namespace mdp::testing
