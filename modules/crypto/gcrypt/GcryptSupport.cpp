#include "GcryptSupport.h"

#include <mutex>

namespace mdp::crypto::detail {

void ensureGcrypt()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (!gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P)) {
            gcry_check_version(GCRYPT_VERSION);
            // Secure memory holds expanded keys of GCRY_CIPHER_SECURE handles; it is locked in RAM
            // where the system allows (warnings are silenced: unprivileged users may not mlock).
            gcry_control(GCRYCTL_SUSPEND_SECMEM_WARN);
            gcry_control(GCRYCTL_INIT_SECMEM, 1 << 20, 0);
            gcry_control(GCRYCTL_RESUME_SECMEM_WARN);
            gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
        }
    });
}

} // namespace mdp::crypto::detail
