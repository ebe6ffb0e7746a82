#pragma once

#include "mdp/foundation/Result.h"

#include <p11-kit/pkcs11.h>

#include <QString>

#include <memory>

namespace mdp::crypto::detail {

// One loaded and initialised PKCS#11 module, shared by everything in the process that uses the
// same path: C_Initialize is per process, so each module is initialised once.
class Pkcs11Module
{
public:
    static Result<std::shared_ptr<Pkcs11Module>> load(const QString &path);
    static Result<void> checkTrustedLocation(const QString &path);
    ~Pkcs11Module();
    Pkcs11Module(const Pkcs11Module &) = delete;
    Pkcs11Module &operator=(const Pkcs11Module &) = delete;

    CK_FUNCTION_LIST *functions() const { return m_functions; }
    QString path() const { return m_path; }

private:
    Pkcs11Module() = default;
    QString m_path;
    void *m_library = nullptr;
    CK_FUNCTION_LIST *m_functions = nullptr;
};

QString pkcs11ErrorText(CK_RV rv);

} // namespace mdp::crypto::detail
