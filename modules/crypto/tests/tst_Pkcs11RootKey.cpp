#include "mdp/crypto/Aead.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/Pkcs11RootKey.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mdp;
using namespace mdp::crypto;

namespace {

const QString kModule = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const char kPin[] = "5678";

SecureBytes secret(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class CountingSink final : public KeyAuditSink
{
public:
    void keyEvent(KeyAction action, const QString &, const QString &, bool success, const QString &) override
    {
        events.append(keyActionName(action) + (success ? QStringLiteral(" ok") : QStringLiteral(" FAILED")));
    }
    QStringList events;
};

} // namespace

// Runs against a real SoftHSM2 token created for the test in a temporary directory.
class tst_Pkcs11RootKey : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2031, 6, 1), QTime(8, 0), Qt::UTC)};
    Pkcs11RootConfig m_config;

private Q_SLOTS:
    void initTestCase()
    {
        const QString util = QStandardPaths::findExecutable(QStringLiteral("softhsm2-util"));
        if (util.isEmpty() || !QFile::exists(kModule))
            QSKIP("SoftHSM2 is not installed (apt-get install softhsm2)");
        QVERIFY(m_dir.isValid());
        const QString tokens = m_dir.filePath(QStringLiteral("tokens"));
        QVERIFY(QDir().mkpath(tokens));
        const QString conf = m_dir.filePath(QStringLiteral("softhsm2.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("directories.tokendir = " + QFile::encodeName(tokens) +
                "\nobjectstore.backend = file\nlog.level = ERROR\n");
        f.close();
        // SoftHSM reads its configuration at C_Initialize, which happens after this point.
        qputenv("SOFTHSM2_CONF", QFile::encodeName(conf));
        QProcess init;
        init.start(util, {QStringLiteral("--init-token"), QStringLiteral("--free"), QStringLiteral("--label"),
                          QStringLiteral("mdp-test"), QStringLiteral("--so-pin"), QStringLiteral("1234"),
                          QStringLiteral("--pin"), QString::fromLatin1(kPin)});
        QVERIFY(init.waitForFinished(30000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());
        m_config.modulePath = kModule;
        m_config.tokenLabel = QStringLiteral("mdp-test");
        m_config.keyLabel = QStringLiteral("mdp-root");
    }

    // root key held in an HSM; data keys survive close and reopen with the PIN.
    void hierarchyOnTokenRootReopensWithThePin()
    {
        const QString path = m_dir.filePath(QStringLiteral("keyring.json"));
        SecureBytes database;
        {
            auto root = Pkcs11RootKey::openOrGenerate(m_config, secret(kPin));
            QVERIFY2(root.ok(), qPrintable(root.ok() ? QString() : root.error().message));
            auto h = KeyHierarchy::create(path, std::move(root.value()), m_clock);
            QVERIFY(h.ok());
            database = (*h)->createDataKey(QStringLiteral("database"), KeyPurpose::database()).value();
            QCOMPARE((*h)->rootKind(), QStringLiteral("pkcs11"));
        }
        const QByteArray file = readFile(path);
        QVERIFY(file.contains("\"token\": \"mdp-test\""));
        QVERIFY(file.contains("CKM_AES_GCM"));
        QVERIFY(!file.contains(database.view().toByteArray().toBase64()));
        QCOMPARE(KeyHierarchy::rootKindOf(path).value(), QStringLiteral("pkcs11"));

        CountingSink sink;
        auto h = KeyHierarchy::open(path, secret(kPin), m_clock, &sink);
        QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : h.error().message));
        QVERIFY((*h)->dataKey(QStringLiteral("database")).value() == database);
        QVERIFY((*h)->rotateKek(KeyPurpose::database()).ok());
        QVERIFY((*h)->dataKey(QStringLiteral("database")).value() == database);
        QCOMPARE(sink.events.first(), QStringLiteral("root.unlock ok"));
    }

    //
    void wrongPinIsRejectedAndChangesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("keyring.json"));
        const QByteArray before = readFile(path);
        CountingSink sink;
        auto h = KeyHierarchy::open(path, secret("0000"), m_clock, &sink);
        QVERIFY(!h.ok());
        QCOMPARE(h.error().code, Error::Code::WrongPassphrase);
        QCOMPARE(sink.events, QStringList{QStringLiteral("root.unlock FAILED")});
        QCOMPARE(readFile(path), before);
    }

    // A second login while one keyring holds the token would skip the PIN check; it is refused.
    void wrongPinIsRejectedWhileAnotherKeyringIsOpen()
    {
        const QString path = m_dir.filePath(QStringLiteral("keyring.json"));
        auto first = KeyHierarchy::open(path, secret(kPin), m_clock);
        QVERIFY(first.ok());
        auto second = KeyHierarchy::open(path, secret("0000"), m_clock);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, Error::Code::Locked); // SoftHSM answers CKR_USER_ALREADY_LOGGED_IN
    }

    // Issue 9 part 6, R-7.4.3 (destroy): with the root in a token, destroying a data key gives the
    // keyring a fresh token key and destroys the old one in the token, so a copy of keyring.json
    // taken before the destruction, with the right PIN, no longer reaches the key or its data.
    void destroyedDataKeyStaysDeadForAnOldKeyringCopy()
    {
        const QString path = m_dir.filePath(QStringLiteral("destroy.json"));
        const QString oldCopy = m_dir.filePath(QStringLiteral("destroy-before.json"));
        Pkcs11RootConfig config = m_config;
        config.keyLabel = QStringLiteral("mdp-destroy");
        QByteArray sealed;
        SecureBytes database;
        {
            auto root = Pkcs11RootKey::openOrGenerate(config, secret(kPin));
            QVERIFY2(root.ok(), qPrintable(root.ok() ? QString() : root.error().message));
            auto h = KeyHierarchy::create(path, std::move(root.value()), m_clock);
            QVERIFY(h.ok());
            const SecureBytes key =
                (*h)->createDataKey(QStringLiteral("export-17"), KeyPurpose::grant(u"g-17")).value();
            database = (*h)->createDataKey(QStringLiteral("database"), KeyPurpose::database()).value();
            sealed = Aead::create(AeadCipher::Sm4Gcm, key)->sealWithRandomNonce({}, "export").value();
        }
        QVERIFY(QFile::copy(path, oldCopy));
        // Positive control: before the destruction the copy and the PIN open the data.
        {
            auto old = KeyHierarchy::open(oldCopy, secret(kPin), m_clock);
            QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().message));
            auto key = (*old)->dataKey(QStringLiteral("export-17"));
            QVERIFY(key.ok());
            QVERIFY(Aead::create(AeadCipher::Sm4Gcm, key.value())->openEnvelope({}, sealed).ok());
        }
        {
            auto h = KeyHierarchy::open(path, secret(kPin), m_clock);
            QVERIFY(h.ok());
            QVERIFY((*h)->destroyDataKey(QStringLiteral("export-17")).ok());
            QCOMPARE((*h)->dataKey(QStringLiteral("export-17")).error().code, Error::Code::NotFound);
            QVERIFY((*h)->dataKey(QStringLiteral("database")).value() == database);
        }
        // Today's keyring opens with the PIN, on a new token key; the other data keys survive.
        {
            auto h = KeyHierarchy::open(path, secret(kPin), m_clock);
            QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : h.error().message));
            QVERIFY((*h)->dataKey(QStringLiteral("database")).value() == database);
            QVERIFY(!readFile(path).contains("\"keyLabel\": \"mdp-destroy\""));
        }
        // The old copy, with the right PIN: its root key no longer exists in the token.
        auto old = KeyHierarchy::open(oldCopy, secret(kPin), m_clock);
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, Error::Code::NotFound);
        QCOMPARE(Pkcs11RootKey::open(config, secret(kPin)).error().code, Error::Code::NotFound);
    }

    // Issue 9 part 6: a crash between the keyring write and the old token key's destruction leaves
    // that key named in the keyring ("retiredRoots"); the next open destroys it and forgets it.
    void aRetiredTokenKeyLeftBehindIsDestroyedAtTheNextOpen()
    {
        const QString path = m_dir.filePath(QStringLiteral("retired.json"));
        Pkcs11RootConfig config = m_config;
        config.keyLabel = QStringLiteral("mdp-retired");
        Pkcs11RootConfig leftBehind = m_config;
        leftBehind.keyLabel = QStringLiteral("mdp-retired#left-behind");
        QJsonObject leftDescription;
        {
            auto old = Pkcs11RootKey::openOrGenerate(leftBehind, secret(kPin));
            QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().message));
            leftDescription = (*old)->description();
        }
        {
            auto root = Pkcs11RootKey::openOrGenerate(config, secret(kPin));
            QVERIFY(root.ok());
            auto h = KeyHierarchy::create(path, std::move(root.value()), m_clock);
            QVERIFY(h.ok());
        }
        // The state the crash leaves: the keyring names the old key, the token still holds it.
        QJsonObject keyring = QJsonDocument::fromJson(readFile(path)).object();
        keyring.insert(QStringLiteral("retiredRoots"), QJsonArray{leftDescription});
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(keyring).toJson());
        }
        {
            auto h = KeyHierarchy::open(path, secret(kPin), m_clock);
            QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : h.error().message));
        }
        QVERIFY(!QJsonDocument::fromJson(readFile(path)).object().contains(QStringLiteral("retiredRoots")));
        QCOMPARE(Pkcs11RootKey::open(leftBehind, secret(kPin)).error().code, Error::Code::NotFound);
    }

    // the root key cannot leave the token.
    void rootKeyObjectIsNotExtractable()
    {
        auto root = Pkcs11RootKey::open(m_config, secret(kPin));
        QVERIFY2(root.ok(), qPrintable(root.ok() ? QString() : root.error().message));
        auto props = (*root)->rootKeyProperties();
        QVERIFY(props.ok());
        QVERIFY(props->sensitive);
        QVERIFY(!props->extractable);
        QVERIFY(!props->valueReadable);
        QCOMPARE(props->lengthBytes, 32);
    }

    void tokenWrapIsBoundToItsAssociatedData()
    {
        auto root = Pkcs11RootKey::open(m_config, secret(kPin));
        QVERIFY(root.ok());
        const SecureBytes kek(QByteArrayView("0123456789abcdef0123456789abcdef"));
        auto wrapped = (*root)->wrap(kek, "kek/database/v1");
        QVERIFY(wrapped.ok());
        QCOMPARE(wrapped->size(), 12 + 32 + 16);
        QVERIFY((*root)->unwrap(wrapped.value(), "kek/database/v1").value() == kek);
        QVERIFY(!(*root)->unwrap(wrapped.value(), "kek/database/v2").ok());
        QByteArray flipped = wrapped.value();
        flipped[20] = char(flipped[20] ^ 0x01);
        QVERIFY(!(*root)->unwrap(flipped, "kek/database/v1").ok());
    }

    void missingRootKeyIsAnErrorOnOpen()
    {
        Pkcs11RootConfig other = m_config;
        other.keyLabel = QStringLiteral("no-such-key");
        auto root = Pkcs11RootKey::open(other, secret(kPin));
        QVERIFY(!root.ok());
        QCOMPARE(root.error().code, Error::Code::NotFound);
        Pkcs11RootConfig noToken = m_config;
        noToken.tokenLabel = QStringLiteral("absent-token");
        QCOMPARE(Pkcs11RootKey::open(noToken, secret(kPin)).error().code, Error::Code::NotFound);
    }

    void pinChangeGoesThroughTheToken()
    {
        const QString path = m_dir.filePath(QStringLiteral("keyring.json"));
        {
            auto h = KeyHierarchy::open(path, secret(kPin), m_clock);
            QVERIFY(h.ok());
            QCOMPARE((*h)->changePassphrase(secret("0000"), secret("8765")).error().code,
                     Error::Code::WrongPassphrase);
            QVERIFY((*h)->changePassphrase(secret(kPin), secret("8765")).ok());
        }
        QCOMPARE(KeyHierarchy::open(path, secret(kPin), m_clock).error().code, Error::Code::WrongPassphrase);
        auto h = KeyHierarchy::open(path, secret("8765"), m_clock);
        QVERIFY(h.ok());
        QVERIFY((*h)->changePassphrase(secret("8765"), secret(kPin)).ok());
    }
    // the module path in the keyring cannot make the next unlock load arbitrary code.
    void moduleOutsideTheSystemLibraryFoldersIsRefused()
    {
        QTemporaryDir elsewhere;
        QVERIFY(elsewhere.isValid());
        const QString copy = elsewhere.filePath(QStringLiteral("libsofthsm2.so"));
        QVERIFY(QFile::copy(kModule, copy));
        Pkcs11RootConfig config = m_config;
        config.modulePath = copy;
        auto root = Pkcs11RootKey::open(config, secret(kPin));
        QVERIFY(!root);
        QCOMPARE(root.error().code, Error::Code::PermissionDenied);
        QVERIFY2(root.error().message.contains(QStringLiteral("system library")),
                 qPrintable(root.error().message));
    }
};

QTEST_GUILESS_MAIN(tst_Pkcs11RootKey)
#include "tst_Pkcs11RootKey.moc"
