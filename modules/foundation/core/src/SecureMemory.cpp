#include "mdp/foundation/SecureMemory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <string.h>

namespace mdp {

namespace {

constexpr std::size_t kArenaBytes = 1 << 20; // keys, passwords and key shares: kilobytes at a time
constexpr std::size_t kGrain = 16;

std::size_t pageSize()
{
    static const std::size_t size = std::size_t(::sysconf(_SC_PAGESIZE));
    return size;
}

std::size_t roundUp(std::size_t n, std::size_t to)
{
    return (n + to - 1) / to * to;
}

// A mapping no core dump includes, locked where allowed.
void *protectedMapping(std::size_t bytes, bool &locked)
{
    void *p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return nullptr;
    (void)::madvise(p, bytes, MADV_DONTDUMP);
    locked = ::mlock(p, bytes) == 0;
    return p;
}

// First fit over a free list kept as offset -> length, adjacent runs merged on release.
class Arena
{
public:
    void *allocate(std::size_t size)
    {
        std::lock_guard lock(m_mutex);
        if (!m_base && !map())
            return nullptr;
        const std::size_t need = roundUp(size, kGrain);
        for (auto it = m_free.begin(); it != m_free.end(); ++it) {
            if (it->second < need)
                continue;
            const std::size_t offset = it->first;
            const std::size_t rest = it->second - need;
            m_free.erase(it);
            if (rest > 0)
                m_free.emplace(offset + need, rest);
            return m_base + offset;
        }
        return nullptr;
    }

    bool owns(const void *p) const
    {
        const auto *c = static_cast<const char *>(p);
        return m_base && c >= m_base && c < m_base + kArenaBytes;
    }

    void release(void *p, std::size_t size)
    {
        std::lock_guard lock(m_mutex);
        const std::size_t length = roundUp(size, kGrain);
        explicit_bzero(p, length);
        std::size_t offset = std::size_t(static_cast<char *>(p) - m_base);
        std::size_t run = length;
        auto next = m_free.lower_bound(offset);
        if (next != m_free.end() && next->first == offset + run) {
            run += next->second;
            next = m_free.erase(next);
        }
        if (next != m_free.begin()) {
            auto previous = std::prev(next);
            if (previous->first + previous->second == offset) {
                offset = previous->first;
                run += previous->second;
                m_free.erase(previous);
            }
        }
        m_free.emplace(offset, run);
    }

    bool locked() const
    {
        std::lock_guard lock(m_mutex);
        return m_locked;
    }

private:
    bool map()
    {
        void *p = protectedMapping(kArenaBytes, m_locked);
        if (!p)
            return false;
        m_base = static_cast<char *>(p);
        m_free.emplace(0, kArenaBytes);
        return true;
    }

    mutable std::mutex m_mutex;
    char *m_base = nullptr;
    bool m_locked = false;
    std::map<std::size_t, std::size_t> m_free;
};

Arena &arena()
{
    static Arena *instance = new Arena; // never destroyed: secrets may be released during exit
    return *instance;
}

} // namespace

void *secureAllocate(std::size_t size)
{
    if (size == 0)
        size = 1;
    if (size <= kArenaBytes / 4) {
        if (void *p = arena().allocate(size))
            return p;
    }
    bool locked = false;
    void *p = protectedMapping(roundUp(size, pageSize()), locked);
    if (!p)
        throw std::bad_alloc();
    return p;
}

void secureRelease(void *block, std::size_t size)
{
    if (!block)
        return;
    if (size == 0)
        size = 1;
    if (arena().owns(block)) {
        arena().release(block, size);
        return;
    }
    const std::size_t bytes = roundUp(size, pageSize());
    explicit_bzero(block, bytes);
    (void)::munlock(block, bytes);
    ::munmap(block, bytes);
}

bool secureMemoryLocked()
{
    secureRelease(secureAllocate(1), 1); // maps the arena if nothing has yet
    return arena().locked();
}

} // namespace mdp
