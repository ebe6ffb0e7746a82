#include "mdp/crypto/Random.h"
#include "mdp/mail/MailSettings.h"
#include "mdp/store/Database.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::mail;

namespace {

template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

QByteArray readDatabaseFiles(const QString &path)
{
    QByteArray all;
    const QFileInfo info(path);
    const QStringList names = info.dir().entryList({info.fileName() + QStringLiteral("*")}, QDir::Files);
    for (const QString &name : names) {
        QFile file(info.dir().filePath(name));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

MailSettings sample()
{
    MailSettings settings;
    settings.host = QStringLiteral("smtp.hospital.example");
    settings.port = 465;
    settings.security = MailSecurity::ImplicitTls;
    settings.username = QStringLiteral("mdp-notices");
    settings.password = SecureBytes(QByteArrayLiteral("Relay-Passw0rd-不可见"));
    settings.fromAddress = QStringLiteral("mdp@hospital.example");
    settings.caCertificate = QStringLiteral("/etc/mdp/relay-ca.pem");
    settings.connectTimeoutMs = 5000;
    settings.replyTimeoutMs = 7000;
    return settings;
}

} // namespace

class tst_MailSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<store::Database> openDb(const QString &path)
    {
        store::Database::Options options;
        options.path = path;
        options.key = crypto::randomKey(32);
        options.create = true;
        auto db = store::Database::open(std::move(options));
        if (!db) {
            qWarning() << db.error().toString();
            return nullptr;
        }
        return std::move(*db);
    }

private Q_SLOTS:
    // The relay settings live in the encrypted workspace database; the password is not readable
    // in its files.
    void settingsRoundTripThroughTheEncryptedDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.db"));
        auto db = openDb(path);
        QVERIFY(db);
        const MailSettings saved = sample();
        const auto stored = saved.save(*db);
        QVERIFY2(stored.ok(), why(stored).constData());

        auto loaded = MailSettings::load(*db);
        QVERIFY2(loaded.ok(), why(loaded).constData());
        QCOMPARE(loaded->host, saved.host);
        QCOMPARE(loaded->port, 465);
        QCOMPARE(loaded->security, MailSecurity::ImplicitTls);
        QCOMPARE(loaded->username, saved.username);
        QVERIFY(loaded->password == saved.password);
        QCOMPARE(loaded->fromAddress, saved.fromAddress);
        QCOMPARE(loaded->caCertificate, saved.caCertificate);
        QCOMPARE(loaded->connectTimeoutMs, 5000);
        QCOMPARE(loaded->replyTimeoutMs, 7000);

        MailSettings changed = saved;
        changed.security = MailSecurity::StartTls;
        changed.port = 587;
        QVERIFY(changed.save(*db).ok());
        QCOMPARE(MailSettings::load(*db)->port, 587);
        QCOMPARE(MailSettings::load(*db)->security, MailSecurity::StartTls);

        db.reset();
        const QByteArray files = readDatabaseFiles(path);
        QVERIFY(!files.isEmpty());
        QVERIFY(!files.contains(QByteArrayLiteral("Relay-Passw0rd")));
        QVERIFY(!files.contains(QByteArrayLiteral("smtp.hospital.example")));
    }

    void missingSettingsAreNotFound()
    {
        auto db = openDb(m_dir.filePath(QStringLiteral("empty.db")));
        QVERIFY(db);
        const auto loaded = MailSettings::load(*db);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, Error::Code::NotFound);
    }

    void invalidSettingsAreNotSaved_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("host") << QStringLiteral("host");
        QTest::newRow("port") << QStringLiteral("port");
        QTest::newRow("from") << QStringLiteral("from");
        QTest::newRow("from with header injection") << QStringLiteral("from-injection");
        QTest::newRow("timeout") << QStringLiteral("timeout");
        QTest::newRow("password without user") << QStringLiteral("user");
    }

    void invalidSettingsAreNotSaved()
    {
        QFETCH(QString, field);
        MailSettings settings = sample();
        if (field == u"host")
            settings.host.clear();
        else if (field == u"port")
            settings.port = 70000;
        else if (field == u"from")
            settings.fromAddress = QStringLiteral("not an address");
        else if (field == u"from-injection")
            settings.fromAddress = QStringLiteral("a@b.example\r\nBcc: c@d.example");
        else if (field == u"timeout")
            settings.replyTimeoutMs = 0;
        else
            settings.username.clear();
        auto db = openDb(
            m_dir.filePath(QStringLiteral("invalid-%1.db").arg(QString::fromUtf8(QTest::currentDataTag()))));
        QVERIFY(db);
        const auto stored = settings.save(*db);
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().code, Error::Code::InvalidArgument);
        QCOMPARE(MailSettings::load(*db).error().code, Error::Code::NotFound);
    }

    void descriptionCarriesNoCredentials()
    {
        const MailSettings settings = sample();
        const QString text = settings.describe();
        QVERIFY(text.contains(u"smtp.hospital.example:465"));
        QVERIFY(!text.contains(u"mdp-notices"));
        QVERIFY(!text.contains(u"Relay-Passw0rd"));
    }
};

QTEST_GUILESS_MAIN(tst_MailSettings)
#include "tst_MailSettings.moc"
