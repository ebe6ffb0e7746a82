#include "Pkcs11Module.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <dlfcn.h>
#include <mutex>
#include <sys/stat.h>

namespace mdp::crypto::detail {

namespace {

std::mutex &registryMutex()
{
    static std::mutex m;
    return m;
}

// Modules stay loaded and initialised until the process ends (deliberately never freed):
// finalising and unloading a token library that links its own crypto stack, then loading it again,
// is a known source of crashes, and the user's login ends anyway when the last session closes.
QHash<QString, std::shared_ptr<Pkcs11Module>> &registry()
{
    static auto *modules = new QHash<QString, std::shared_ptr<Pkcs11Module>>;
    return *modules;
}

} // namespace

QString pkcs11ErrorText(CK_RV rv)
{
    switch (rv) {
    case CKR_PIN_INCORRECT:
        return QStringLiteral("PIN incorrect");
    case CKR_PIN_LOCKED:
        return QStringLiteral("PIN locked");
    case CKR_ENCRYPTED_DATA_INVALID:
        return QStringLiteral("encrypted data invalid");
    case CKR_TOKEN_NOT_PRESENT:
        return QStringLiteral("token not present");
    case CKR_USER_NOT_LOGGED_IN:
        return QStringLiteral("user not logged in");
    case CKR_MECHANISM_INVALID:
        return QStringLiteral("mechanism not supported");
    default:
        break;
    }
    return QStringLiteral("CKR 0x%1").arg(qulonglong(rv), 0, 16);
}

// The module path comes from the keyring file, which is not secret and sits next to the data: a
// person who can only write files there must not be able to make the next unlock load their code
// (it would receive the PIN and every unwrapped key). So only libraries in the system library
// folders, owned by root and writable by root alone (with their folders), are loaded.
Result<void> Pkcs11Module::checkTrustedLocation(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("the PKCS#11 module %1 does not exist").arg(path));
    static const QStringList trustedRoots{QStringLiteral("/usr/lib/"), QStringLiteral("/usr/lib64/"),
                                          QStringLiteral("/usr/local/lib/"), QStringLiteral("/lib/")};
    bool underRoot = false;
    for (const QString &root : trustedRoots)
        underRoot = underRoot || canonical.startsWith(root);
    if (!underRoot)
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("refusing to load the PKCS#11 module %1: only modules installed in the "
                           "system library folders are trusted")
                .arg(canonical));
    for (QString p = canonical; p != QStringLiteral("/"); p = QFileInfo(p).absolutePath()) {
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(p).constData(), &st) != 0 || st.st_uid != 0 ||
            (st.st_mode & (S_IWGRP | S_IWOTH)))
            return makeError(
                Error::Code::PermissionDenied,
                QStringLiteral("refusing to load the PKCS#11 module %1: %2 is not owned and writable "
                               "by root alone")
                    .arg(canonical, p));
    }
    return {};
}

Result<std::shared_ptr<Pkcs11Module>> Pkcs11Module::load(const QString &path)
{
    std::lock_guard lock(registryMutex());
    if (auto existing = registry().value(path))
        return existing;
    if (!path.startsWith(u'/'))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the PKCS#11 module path must be absolute"));
    if (auto trusted = checkTrustedLocation(path); !trusted)
        return trusted.error();
    std::shared_ptr<Pkcs11Module> module(new Pkcs11Module);
    module->m_path = path;
    module->m_library = ::dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!module->m_library)
        return makeError(Error::Code::NotFound, QStringLiteral("cannot load the PKCS#11 module: ") +
                                                    QString::fromLocal8Bit(::dlerror()));
    auto getList = reinterpret_cast<CK_C_GetFunctionList>(::dlsym(module->m_library, "C_GetFunctionList"));
    if (!getList || getList(&module->m_functions) != CKR_OK || !module->m_functions)
        return makeError(Error::Code::Unsupported, QStringLiteral("the library is not a PKCS#11 module"));
    CK_C_INITIALIZE_ARGS args = {};
    args.flags = CKF_OS_LOCKING_OK;
    const CK_RV rv = module->m_functions->C_Initialize(&args);
    if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED)
        return makeError(Error::Code::Io,
                         QStringLiteral("PKCS#11 C_Initialize failed: ") + pkcs11ErrorText(rv));
    registry().insert(path, module);
    return module;
}

Pkcs11Module::~Pkcs11Module()
{
    // Reached only when loading failed half-way (registered modules are never freed).
    if (m_library)
        ::dlclose(m_library);
}

} // namespace mdp::crypto::detail
