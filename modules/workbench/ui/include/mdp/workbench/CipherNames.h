#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QString>

namespace mdp::workbench {

// People-readable names of the cipher identifiers WorkspaceInfo reports.
class CipherNames
{
    Q_DECLARE_TR_FUNCTIONS(mdp::workbench::CipherNames)
public:
    static QString describe(const QString &id)
    {
        if (id == u"sm4-cbc")
            return tr("SM4-CBC (national algorithm)");
        if (id == u"sm4-gcm")
            return tr("SM4-GCM (national algorithm)");
        if (id == u"aes-256-cbc")
            return tr("AES-256-CBC");
        if (id == u"aes-256-gcm")
            return tr("AES-256-GCM");
        return id;
    }
    // WorkspaceInfo::rootKeyKind ("passphrase (PBKDF2-HMAC-SM3, 600000 iterations)", "pkcs11 token X",
    // "account key slots (...)").
    static QString describeRootKey(const QString &kind)
    {
        static const QRegularExpression passphrase(
            QStringLiteral("^passphrase \\((PBKDF2-[A-Z0-9-]+), (\\d+)"));
        const auto match = passphrase.match(kind);
        if (match.hasMatch())
            return tr("Workspace passphrase, %1 with %2 iterations")
                .arg(match.captured(1), QLocale().toString(match.captured(2).toLongLong()));
        if (kind.startsWith(u"account key slots"))
            return tr("Each account's own password (Argon2id key slots)");
        if (kind.startsWith(u"pkcs11"))
            return tr("Hardware security token (PKCS#11) %1").arg(kind.section(u' ', 2));
        return kind;
    }

    // Short form for the status bar: "SM4" or "AES-256".
    static QString shortName(const QString &id)
    {
        if (id.startsWith(u"sm4"))
            return tr("SM4");
        if (id.startsWith(u"aes-256"))
            return tr("AES-256");
        return id;
    }
};

} // namespace mdp::workbench
