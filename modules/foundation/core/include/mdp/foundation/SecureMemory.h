#pragma once

#include <cstddef>

namespace mdp {

// Memory for secrets (SecureBytes uses it): kept out of core dumps (MADV_DONTDUMP) and, where the
// system allows, locked in RAM so it is never written to swap (mlock; an unprivileged process may
// lack the RLIMIT_MEMLOCK for it, which secureMemoryLocked() then reports). Small blocks come from
// one arena mapped at first use; larger ones, or any once the arena is full, get mappings of their
// own with the same protection. Every block is wiped when it is released. Thread-safe.
void *secureAllocate(std::size_t size);
void secureRelease(void *block, std::size_t size);

// Whether the arena is locked in RAM (false where mlock was refused; the dump exclusion holds
// either way).
bool secureMemoryLocked();

// std::allocator replacement for containers of secret bytes.
template<typename T> struct SecureAllocator
{
    using value_type = T;
    SecureAllocator() = default;
    template<typename U> SecureAllocator(const SecureAllocator<U> &) noexcept {}
    T *allocate(std::size_t n) { return static_cast<T *>(secureAllocate(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) noexcept { secureRelease(p, n * sizeof(T)); }
    template<typename U> bool operator==(const SecureAllocator<U> &) const noexcept { return true; }
};

} // namespace mdp
