// Workspace-wide security properties: wrong passphrase, rollback detection, no plaintext on disk,
// tamper detection through `mdp audit verify`..

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/cli/Cli.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"
#include "mdp/workspace/AuditQueries.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

class tst_WorkspaceSecurity : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_tmp, m_cache, m_config;

    QString newWorkspacePath(const QString &name) { return m_root.filePath(name); }

    std::unique_ptr<workspace::Workspace> createWorkspace(const QString &path,
                                                          const QString &cipher = QStringLiteral("sm4"))
    {
        workspace::CreateOptions o;
        o.directory = path;
        o.passphrase = secret(kPassphrase);
        if (cipher == QStringLiteral("aes")) {
            o.pageCipher = QStringLiteral("aes-256-cbc");
            o.blobCipher = QStringLiteral("aes-256-gcm");
        }
        auto ws = workspace::Workspace::create(o);
        if (!ws)
            qWarning() << ws.error().toString();
        return ws ? std::move(ws.value()) : nullptr;
    }

    int cli(const QStringList &args, QString *output = nullptr)
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        qputenv("MDP_PASSPHRASE", kPassphrase);
        const int rc = cli::runCli(args, o, e);
        qunsetenv("MDP_PASSPHRASE");
        if (output)
            *output = out + err;
        return rc;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        // The scanned locations are fresh folders so the scan sees only what this process wrote.
        m_tmp = m_root.filePath(QStringLiteral("tmp"));
        m_cache = m_root.filePath(QStringLiteral("cache"));
        m_config = m_root.filePath(QStringLiteral("config"));
        for (const QString &d : {m_tmp, m_cache, m_config})
            QVERIFY(QDir().mkpath(d));
        qputenv("TMPDIR", m_tmp.toUtf8());
        qputenv("XDG_CACHE_HOME", m_cache.toUtf8());
        qputenv("XDG_CONFIG_HOME", m_config.toUtf8());
        QCOMPARE(QDir::tempPath(), m_tmp);
    }

    // Issue 9: workspace.json is authenticated. Naming another account as the custodian (whom the
    // command line acts as on a machine-unlock workspace), or stripping the MAC, is found at open.
    void anAlteredManifestIsRefused()
    {
        const QString path = newWorkspacePath(QStringLiteral("manifest"));
        createWorkspace(path).reset();
        const QString manifestPath = QDir(path).filePath(QStringLiteral("workspace.json"));
        QFile f(manifestPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        f.close();
        QJsonObject manifest = QJsonDocument::fromJson(original).object();
        QVERIFY(manifest.contains(QStringLiteral("mac")));
        QVERIFY(workspace::Workspace::open(path, secret(kPassphrase)).ok()); // positive control

        auto write = [&](const QJsonObject &m) {
            QFile out(manifestPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(QJsonDocument(m).toJson());
        };
        QJsonObject altered = manifest;
        altered.insert(QStringLiteral("custodian_id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        write(altered);
        auto opened = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Tampered);
        QString out;
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), path},
                     &out),
                 3);

        altered.remove(QStringLiteral("mac")); // as if made before manifests were authenticated
        write(altered);
        opened = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Tampered);

        write(manifest);
        {
            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY(ws.ok());
            // A workspace made before manifests were authenticated: neither MAC exists yet.
            QVERIFY(ws.value()->database().execute(
                QStringLiteral("DELETE FROM mdp_meta WHERE key = 'manifest_mac'")));
        }
        QJsonObject legacy = manifest;
        legacy.remove(QStringLiteral("mac"));
        write(legacy);
        QVERIFY(workspace::Workspace::open(path, secret(kPassphrase)).ok()); // gains both, recorded
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("mac")),
                 manifest.value(QStringLiteral("mac")));
        f.close();
        write(legacy);
        QCOMPARE(workspace::Workspace::open(path, secret(kPassphrase)).error().code, Error::Code::Tampered);
    }

    // wrong passphrase, clear message, nothing changed.
    void wrongPassphraseIsRefusedAndChangesNothing()
    {
        const QString path = newWorkspacePath(QStringLiteral("wrong-pass"));
        createWorkspace(path).reset();
        const auto before = snapshot(path);
        auto ws = workspace::Workspace::open(path, secret("not the passphrase"));
        QVERIFY(!ws);
        QCOMPARE(ws.error().code, Error::Code::WrongPassphrase);
        QVERIFY2(ws.error().message.contains(QStringLiteral("passphrase"), Qt::CaseInsensitive),
                 qPrintable(ws.error().message));
        QCOMPARE(snapshot(path), before);
        QVERIFY(workspace::Workspace::open(path, secret(kPassphrase)));
    }

    // an older copy of the database put back is detected at open.
    void olderDatabaseCopyIsDetectedAtOpen()
    {
        const QString path = newWorkspacePath(QStringLiteral("rollback"));
        createWorkspace(path).reset();
        const QString db = QDir(path).filePath(QStringLiteral("data.db"));
        QVERIFY(QFile::copy(db, m_root.filePath(QStringLiteral("old.db"))));
        {
            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY(ws);
            QVERIFY(ws.value()->beginCustodianSession().ok());
            auto a = ws.value()->accounts().createAccount(
                ws.value()->custodianId(), QStringLiteral("later.user"), QStringLiteral("Later"),
                accounts::Role::Researcher, passwordBytes(QStringLiteral("Later-Passw0rd!").toUtf8()));
            QVERIFY(a);
        }
        QFile::remove(db);
        QFile::remove(db + QStringLiteral("-wal"));
        QFile::remove(db + QStringLiteral("-shm"));
        QVERIFY(QFile::copy(m_root.filePath(QStringLiteral("old.db")), db));
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!ws);
        QCOMPARE(ws.error().code, Error::Code::RolledBack);
    }

    // a marker written through every path never reaches disk in plaintext.
    void markerNeverReachesDiskInPlaintext()
    {
        const QString marker = QStringLiteral("QZXV-MARKER-4711");
        const QString path = newWorkspacePath(QStringLiteral("marker"));
        auto ws = createWorkspace(path);
        QVERIFY(ws);
        QVERIFY(ws->beginCustodianSession().ok());
        // account name and display name
        QVERIFY(ws->accounts().createAccount(ws->custodianId(), marker, marker + QStringLiteral(" 王"),
                                             accounts::Role::Researcher,
                                             passwordBytes(QStringLiteral("Marker-Passw0rd!").toUtf8())));
        // an audit event
        audit::AuditEvent e;
        e.type = QStringLiteral("data.view");
        e.action = audit::AuditAction::Read;
        e.entities << audit::AuditEntity{QStringLiteral("record"), marker};
        e.detail.insert(QStringLiteral("note"), marker);
        QVERIFY(ws->record(e));
        // a vault blob
        QByteArray blob = QByteArray(100000, 'x') + marker.toUtf8() + QByteArray(5000, 'y');
        auto id = ws->storeFile(blob);
        QVERIFY(id);
        QCOMPARE(ws->readFile(id.value()).value(), blob);
        // a query that finds it (the query itself is audited)
        workspace::AuditQueries q(*ws);
        auto rows = q.byDataId(QStringLiteral("record:") + marker);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        ws.reset(); // close everything, flush
        for (const QString &root : {path, m_tmp, m_cache, m_config})
            QVERIFY2(filesContaining(root, marker).isEmpty(),
                     qPrintable(filesContaining(root, marker).join(u',')));
        // the scan itself works: a plaintext copy would be found
        QFile probe(QDir(m_tmp).filePath(QStringLiteral("probe.txt")));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        probe.write(marker.toUtf8());
        probe.close();
        QCOMPARE(filesContaining(m_tmp, marker).size(), 1);
        probe.remove();
    }

    // `mdp audit verify` passes on an intact workspace and fails naming the
    // position when one byte of the audit store is flipped.
    void auditVerifyNamesTheFlippedByte()
    {
        const QString path = newWorkspacePath(QStringLiteral("verify"));
        {
            auto ws = createWorkspace(path);
            QVERIFY(ws);
            for (int i = 0; i < 20; ++i) {
                audit::AuditEvent e;
                e.type = QStringLiteral("data.query");
                e.action = audit::AuditAction::Read;
                e.detail.insert(QStringLiteral("i"), i);
                QVERIFY(ws->record(e));
            }
        }
        QString out;
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), path},
                     &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("intact")), qPrintable(out));
        // Issue 9: the check reads only; it does not open the workspace (which would record events,
        // cut torn tails and catch the audit index up).
        const auto before = snapshot(path);
        QCOMPARE(
            cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), path}), 0);
        QCOMPARE(snapshot(path), before);

        // Walk the frames (44-byte header, then u32 length | u64 sequence | ...) to pick one.
        QFile log(QDir(path).filePath(QStringLiteral("audit/audit.log")));
        QVERIFY(log.open(QIODevice::ReadWrite));
        const QByteArray bytes = log.readAll();
        qint64 offset = 44;
        qint64 sequence = -1;
        for (int frame = 0; frame < 12; ++frame) {
            const quint32 length = qFromBigEndian<quint32>(bytes.constData() + offset);
            sequence = qint64(qFromBigEndian<quint64>(bytes.constData() + offset + 4));
            if (frame < 11)
                offset += 4 + length;
        }
        const qint64 flip = offset + 4 + 8 + 12 + 10; // inside the ciphertext of that frame
        log.seek(flip);
        log.putChar(char(bytes.at(flip) ^ 0x01));
        log.close();
        const int rc = cli(
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), path}, &out);
        QCOMPARE(rc, 3);
        const QString where = QStringLiteral("event %1 at byte %2").arg(sequence).arg(offset);
        QVERIFY2(out.contains(where), qPrintable(out + QStringLiteral(" / expected: ") + where));
        // A damaged workspace is examined as it is: nothing written while finding the damage.
        const auto damaged = snapshot(path);
        QCOMPARE(
            cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), path}), 3);
        QCOMPARE(snapshot(path), damaged);
    }

    // deleting or emptying the audit trail is not taken for a new, empty one.
    void removedAuditTrailIsRefused()
    {
        const QString path = newWorkspacePath(QStringLiteral("no-audit"));
        createWorkspace(path).reset();
        const QString auditDir = QDir(path).filePath(QStringLiteral("audit"));
        const auto saved = snapshot(auditDir);
        QVERIFY(QDir(auditDir).removeRecursively());
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!ws);
        QCOMPARE(ws.error().code, Error::Code::Tampered);
        // the log cut back to its bare header, the checkpoint removed
        QVERIFY(QDir().mkpath(auditDir));
        for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
            if (it.key().endsWith(QStringLiteral("audit.log"))) {
                QFile f(it.key());
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(it.value().left(44));
            }
        }
        ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!ws);
        QCOMPARE(ws.error().code, Error::Code::Tampered);
    }

    // an older database put back together with the older checkpoint is still detected,
    // because every commit is also an event in the chain.
    void olderDatabaseWithOlderCheckpointIsDetected()
    {
        const QString path = newWorkspacePath(QStringLiteral("rollback-head"));
        createWorkspace(path).reset();
        const QString db = QDir(path).filePath(QStringLiteral("data.db"));
        const QString head = QDir(path).filePath(QStringLiteral("audit/audit.head"));
        QVERIFY(QFile::copy(db, m_root.filePath(QStringLiteral("old2.db"))));
        QVERIFY(QFile::copy(head, m_root.filePath(QStringLiteral("old2.head"))));
        {
            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY(ws);
            QVERIFY(ws.value()->beginCustodianSession().ok());
            QVERIFY(ws.value()->accounts().createAccount(
                ws.value()->custodianId(), QStringLiteral("later.user2"), QStringLiteral("Later"),
                accounts::Role::Researcher, passwordBytes(QStringLiteral("Later-Passw0rd!").toUtf8())));
        }
        for (const QString &f : {db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm"), head})
            QFile::remove(f);
        QVERIFY(QFile::copy(m_root.filePath(QStringLiteral("old2.db")), db));
        QVERIFY(QFile::copy(m_root.filePath(QStringLiteral("old2.head")), head));
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!ws);
        QCOMPARE(ws.error().code, Error::Code::RolledBack);
    }

    // R-7.1.2 (issue 9): keep an old audit.head, later cut audit.log back to that head's size,
    // put the old head back and delete the audit index: the files alone verify, but every write
    // transaction stored the audit checkpoint it saw, so the database vouches for the removed events.
    void cuttingTheAuditTailIsFoundByTheDatabaseAnchor()
    {
        const QString path = newWorkspacePath(QStringLiteral("cut-tail"));
        createWorkspace(path).reset();
        const QString auditDir = QDir(path).filePath(QStringLiteral("audit"));
        const QString log = QDir(auditDir).filePath(QStringLiteral("audit.log"));
        const QString head = QDir(auditDir).filePath(QStringLiteral("audit.head"));
        QFile headFile(head);
        QVERIFY(headFile.open(QIODevice::ReadOnly));
        const QByteArray oldHead = headFile.readAll();
        headFile.close();
        const qint64 oldSize = QFileInfo(log).size();
        {
            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY(ws);
            QVERIFY(ws.value()->beginCustodianSession().ok());
            QVERIFY(ws.value()->accounts().createAccount(
                ws.value()->custodianId(), QStringLiteral("hidden.admin"), QStringLiteral("Hidden"),
                accounts::Role::SystemAdmin, passwordBytes(QStringLiteral("Hidden-Passw0rd!").toUtf8())));
        }
        QVERIFY(QFileInfo(log).size() > oldSize);
        QVERIFY(QFile::resize(log, oldSize));
        QVERIFY(QFile::remove(head));
        QVERIFY(headFile.open(QIODevice::WriteOnly));
        headFile.write(oldHead);
        headFile.close();
        for (const QString &name : QDir(auditDir).entryList({QStringLiteral("index.db*")}, QDir::Files))
            QVERIFY(QFile::remove(QDir(auditDir).filePath(name)));
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!ws);
        QCOMPARE(ws.error().code, Error::Code::Tampered);
        QVERIFY2(ws.error().message.contains(QStringLiteral("newest events were removed")),
                 qPrintable(ws.error().message));
    }

    // R-7.4.1 (issue 9, found in review): the events after the last change (reads, the logout) are
    // vouched for as well: the database stores the checkpoint again when the workspace closes.
    void cuttingTheReadsAfterTheLastChangeIsFound()
    {
        const QString path = newWorkspacePath(QStringLiteral("cut-reads"));
        createWorkspace(path).reset();
        const QString auditDir = QDir(path).filePath(QStringLiteral("audit"));
        const QString log = QDir(auditDir).filePath(QStringLiteral("audit.log"));
        const QString head = QDir(auditDir).filePath(QStringLiteral("audit.head"));
        QByteArray headAfterChange;
        qint64 sizeAfterChange = 0;
        {
            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY(ws);
            QVERIFY(ws.value()->beginCustodianSession().ok());
            QVERIFY(ws.value()->accounts().createAccount(
                ws.value()->custodianId(), QStringLiteral("reader.one"), QStringLiteral("Reader"),
                accounts::Role::Researcher, passwordBytes(QStringLiteral("Reader-Passw0rd!").toUtf8())));
            QFile h(head);
            QVERIFY(h.open(QIODevice::ReadOnly));
            headAfterChange = h.readAll();
            sizeAfterChange = QFileInfo(log).size();
            for (int i = 0; i < 5; ++i) {
                audit::AuditEvent view;
                view.type = QStringLiteral("data.view");
                view.action = audit::AuditAction::Read;
                view.entities << audit::AuditEntity{QStringLiteral("patient"), QStringLiteral("p-%1").arg(i)};
                QVERIFY(ws.value()->record(view));
            }
        }
        QVERIFY(QFileInfo(log).size() > sizeAfterChange);
        QVERIFY(QFile::resize(log, sizeAfterChange));
        QVERIFY(QFile::remove(head));
        QFile h(head);
        QVERIFY(h.open(QIODevice::WriteOnly));
        h.write(headAfterChange);
        h.close();
        for (const QString &name : QDir(auditDir).entryList({QStringLiteral("index.db*")}, QDir::Files))
            QVERIFY(QFile::remove(QDir(auditDir).filePath(name)));
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!ws);
        QVERIFY2(ws.error().code == Error::Code::Tampered, qPrintable(ws.error().toString()));
    }

    // R-7.1.2 (issue 9): one old page of the accounts table put back (a genuine page of this
    // database, so its authentication holds; the commit counter's page is the new one) is found at open
    // by the digest every write transaction stores.
    void anOldAccountsPageSplicedBackIsFound()
    {
        const QString path = newWorkspacePath(QStringLiteral("splice"));
        {
            auto ws = createWorkspace(path);
            QVERIFY(ws);
            QVERIFY(ws->beginCustodianSession().ok());
            auto created = ws->accounts().createAccount(
                ws->custodianId(), QStringLiteral("late.admin"), QStringLiteral("Late"),
                accounts::Role::SystemAdmin, passwordBytes(QStringLiteral("Late-Passw0rd!").toUtf8()));
            QVERIFY(created);
        }
        const QString db = QDir(path).filePath(QStringLiteral("data.db"));
        QFile oldFile(db);
        QVERIFY(oldFile.open(QIODevice::ReadOnly));
        const QByteArray oldBytes = oldFile.readAll();
        oldFile.close();
        SecureBytes databaseKey;
        qint64 rootPage = 0;
        {
            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY(ws);
            QVERIFY(ws.value()->beginCustodianSession().ok());
            // Locked: the row changes in place, no index entry moves (the page stays well-formed).
            QVERIFY(ws.value()->accounts().lock(ws.value()->custodianId(), QStringLiteral("late.admin")));
        }
        {
            // The attacker holds the passphrase (machine unlock): the keyring opens, and with it
            // the database key, outside the workspace.
            auto keys = crypto::KeyHierarchy::open(QDir(path).filePath(QStringLiteral("keyring.json")),
                                                   secret(kPassphrase), SystemClock::instance());
            QVERIFY(keys);
            databaseKey = keys.value()->dataKey(QStringLiteral("database")).value();
        }
        {
            store::Database::Options o;
            o.path = db;
            o.key = databaseKey;
            o.readOnly = true;
            auto opened = store::Database::open(std::move(o));
            QVERIFY(opened);
            auto row = opened.value()->queryOne(
                QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'accounts'"));
            QVERIFY(row && row->has_value());
            rootPage = (**row).at(0).toLongLong();
        }
        QVERIFY(rootPage > 1);
        QFile current(db);
        QVERIFY(current.open(QIODevice::ReadWrite));
        const qint64 at = (rootPage - 1) * 4096;
        QVERIFY(current.size() >= at + 4096 && oldBytes.size() >= at + 4096);
        QVERIFY(current.seek(at));
        QVERIFY(current.read(4096) != oldBytes.mid(at, 4096)); // the change is on that page
        QVERIFY(current.seek(at));
        QCOMPARE(current.write(oldBytes.mid(at, 4096)), qint64(4096));
        current.close();
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(!ws);
        QVERIFY2(ws.error().code == Error::Code::Tampered, qPrintable(ws.error().toString()));
        QVERIFY2(ws.error().message.contains(QStringLiteral("accounts and roles")),
                 qPrintable(ws.error().message));
        QString out;
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), path},
                     &out),
                 3);
        QVERIFY2(out.contains(QStringLiteral("accounts and roles")), qPrintable(out));
    }

    // the custodian cannot be used interactively nor changed by an administrator.
    void custodianCannotSignInNorBeChanged()
    {
        const QString path = newWorkspacePath(QStringLiteral("custodian"));
        auto ws = createWorkspace(path);
        QVERIFY(ws);
        QVERIFY(ws->beginCustodianSession().ok());
        auto admin = ws->accounts().createAccount(ws->custodianId(), QStringLiteral("admin.x"),
                                                  QStringLiteral("Admin"), accounts::Role::SystemAdmin,
                                                  passwordBytes(QStringLiteral("Admin-Passw0rd!").toUtf8()));
        QVERIFY(admin);
        auto reset = ws->accounts().resetPassword(admin->id, QStringLiteral("custodian"),
                                                  passwordBytes(QStringLiteral("Taken-Over-1!").toUtf8()));
        QVERIFY(!reset);
        QCOMPARE(reset.error().code, Error::Code::PermissionDenied);
        auto locked = ws->accounts().lock(admin->id, QStringLiteral("custodian"));
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, Error::Code::PermissionDenied);
        auto login = ws->accounts().authenticate(QStringLiteral("custodian"),
                                                 passwordBytes(QStringLiteral("anything").toUtf8()), {});
        QVERIFY(!login);
        QCOMPARE(login.error().code, Error::Code::Unauthenticated);
    }

    // trace by user over a time range and by data ID, through the command line.
    void auditQueryByUserAndByDataThroughCli()
    {
        const QString path = newWorkspacePath(QStringLiteral("query"));
        {
            auto ws = createWorkspace(path, QStringLiteral("aes"));
            QVERIFY(ws);
            QVERIFY(ws->beginCustodianSession().ok());
            QVERIFY(ws->accounts().createAccount(
                ws->custodianId(), QStringLiteral("res.a"), QStringLiteral("A"), accounts::Role::Researcher,
                passwordBytes(QStringLiteral("Research-Passw0rd!").toUtf8())));
            ws->logout();
            auto s = ws->login(QStringLiteral("res.a"), secret("Research-Passw0rd!"), {});
            QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
            audit::AuditEvent e;
            e.type = QStringLiteral("data.view");
            e.action = audit::AuditAction::Read;
            e.entities << audit::AuditEntity{QStringLiteral("patient"), QStringLiteral("P-7F3A")};
            QVERIFY(ws->record(e));
        }
        QString out;
        const QString from = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
        const QString to = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("query"), QStringLiteral("--workspace"), path,
                      QStringLiteral("--user"), QStringLiteral("res.a"), QStringLiteral("--from"), from,
                      QStringLiteral("--to"), to},
                     &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("data.view")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("account.login")), qPrintable(out));
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("query"), QStringLiteral("--workspace"), path,
                      QStringLiteral("--data"), QStringLiteral("patient:P-7F3A"), QStringLiteral("--json")},
                     &out),
                 0);
        QCOMPARE(out.count(QStringLiteral("\"type\":\"data.view\"")), 1);
        // the queries themselves were audited
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(ws);
        QVERIFY(ws.value()->beginCustodianSession().ok());
        auto reads = workspace::AuditQueries(*ws.value()).byUserName(QStringLiteral("custodian"), {}, {});
        QVERIFY(reads);
        int auditReads = 0;
        for (const auto &r : reads.value())
            auditReads += r.event.type == QStringLiteral("audit.read") ? 1 : 0;
        QVERIFY2(auditReads >= 2, qPrintable(QString::number(auditReads)));
    }

    // key rotation through the command line keeps every store readable.
    void keyRotationKeepsDataReadable()
    {
        const QString path = newWorkspacePath(QStringLiteral("rotate"));
        QString blobId;
        {
            auto ws = createWorkspace(path);
            QVERIFY(ws);
            QVERIFY(ws->beginCustodianSession().ok());
            auto stored = ws->storeFile(QByteArrayLiteral("pathology report bytes"));
            QVERIFY(stored.ok());
            blobId = stored.value();
        }
        const QByteArray keyringBefore =
            snapshot(path).value(QDir(path).filePath(QStringLiteral("keyring.json")));
        QString out;
        QCOMPARE(
            cli({QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--workspace"), path}, &out),
            0);
        QVERIFY2(out.contains(QStringLiteral("vault")), qPrintable(out));
        const QByteArray keyringAfter =
            snapshot(path).value(QDir(path).filePath(QStringLiteral("keyring.json")));
        QVERIFY(keyringBefore != keyringAfter);
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(ws);
        QVERIFY(ws.value()->beginCustodianSession().ok()); // reading files needs see-identity
        QCOMPARE(ws.value()->readFile(blobId).value(), QByteArrayLiteral("pathology report bytes"));
        QVERIFY(ws.value()->verifyIntegrity().ok);
    }

    void cliRefusesBadUsageAndUnknownRoles()
    {
        QString out;
        QCOMPARE(cli({QStringLiteral("frobnicate")}, &out), 2);
        QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--workspace"),
                      m_root.path(), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--role"),
                      QStringLiteral("king")},
                     &out),
                 2);
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"),
                      m_root.filePath(QStringLiteral("nothing-here"))},
                     &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("no workspace")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceSecurity)
#include "tst_WorkspaceSecurity.moc"
