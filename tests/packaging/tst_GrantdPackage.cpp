// The server runs from its package with its systemd unit (issue 11): the mdp-grantd Debian package is
// built by cpack from this build tree, its contents and control files are checked, and the program
// unpacked from it serves /health over mutual TLS and stops on SIGTERM. The example configuration
// it installs loads.

#include "mdp/server/GrantServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString output; // standard output
    QString errors; // standard error
};

Run run(const QString &program, const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.errors = QStringLiteral("%1 did not finish within %2 ms").arg(program).arg(timeoutMs);
        return result;
    }
    result.output = QString::fromUtf8(process.readAllStandardOutput());
    result.errors = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_GrantdPackage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_work;
    QString m_package; // the .deb built by initTestCase
    QString m_root;    // its contents, unpacked

    QString tool(const char *name) { return QStandardPaths::findExecutable(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        const QString dpkgDeb = tool("dpkg-deb");
        QVERIFY2(!dpkgDeb.isEmpty(), "dpkg-deb is not installed: run installer/install-deps.sh");
        // The server's component only: a few seconds, the workstation's programs are not touched.
        const QString out = m_work.filePath(QStringLiteral("cpack"));
        QElapsedTimer timer;
        timer.start();
        const Run cpack = run(QStringLiteral(MDP_CPACK_COMMAND),
                              {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                               QStringLiteral(MDP_BINARY_DIR "/CPackConfig.cmake"), QStringLiteral("-D"),
                               QStringLiteral("CPACK_COMPONENTS_ALL=grantd"), QStringLiteral("-B"), out},
                              180000);
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.output + cpack.errors));
        qInfo("cpack built the server package in %lld ms", timer.elapsed());
        const QStringList debs =
            QDir(out).entryList({QStringLiteral("mdp-grantd_*.deb")}, QDir::Files, QDir::Name);
        QVERIFY2(debs.size() == 1, qPrintable(cpack.output));
        m_package = QDir(out).filePath(debs.first());
        m_root = m_work.filePath(QStringLiteral("root"));
        const Run unpack = run(dpkgDeb, {QStringLiteral("-x"), m_package, m_root});
        QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.errors));
    }

    void packageHoldsTheServerItsUnitAndItsConfigurationOnly()
    {
        const Run listing = run(tool("dpkg-deb"), {QStringLiteral("-c"), m_package});
        QCOMPARE(listing.exitCode, 0);
        QStringList files;
        for (const QString &line : listing.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (!line.startsWith(QLatin1Char('d')))
                files.append(line.section(QLatin1Char(' '), -1));
        }
        files.sort();
        const QStringList expected{QStringLiteral("./etc/mdp/grantd.json"),
                                   QStringLiteral("./lib/systemd/system/mdp-grantd.service"),
                                   QStringLiteral("./usr/bin/mdp-grantd"),
                                   QStringLiteral("./usr/share/doc/mdp-grantd/README.md"),
                                   QStringLiteral("./usr/share/doc/mdp-grantd/grantd-operations.md")};
        // Nothing of the workstation (mdp, mdp-workstation, disease packs) comes along.
        QCOMPARE(files, expected);
        QCOMPARE(readAll(QDir(m_root).filePath(QStringLiteral("etc/mdp/grantd.json"))),
                 readAll(QStringLiteral(MDP_SOURCE_DIR "/installer/grantd.json")));
    }

    void programIsStrippedWithItsSymbolsInTheDebugPackage()
    {
        const QString program = QDir(m_root).filePath(QStringLiteral("usr/bin/mdp-grantd"));
        const Run sections = run(tool("readelf"), {QStringLiteral("-S"), QStringLiteral("-W"), program});
        QCOMPARE(sections.exitCode, 0);
        QVERIFY2(!sections.output.contains(QStringLiteral(".debug_info")),
                 "the packaged program is not stripped");
        QVERIFY(sections.output.contains(QStringLiteral(".gnu_debuglink")));
        const QStringList debug =
            QFileInfo(m_package).dir().entryList({QStringLiteral("mdp-grantd-dbgsym_*.ddeb")});
        QCOMPARE(debug.size(), 1);
    }

    void controlDeclaresDependenciesConffileAndMaintainerScripts()
    {
        const QString dpkgDeb = tool("dpkg-deb");
        const Run fields = run(dpkgDeb, {QStringLiteral("-f"), m_package, QStringLiteral("Package"),
                                         QStringLiteral("Depends"), QStringLiteral("Section")});
        QCOMPARE(fields.exitCode, 0);
        QVERIFY2(fields.output.contains(QStringLiteral("Package: mdp-grantd\n")), qPrintable(fields.output));
        // dpkg-shlibdeps found what the program links (not only what was written by hand) ...
        const QString depends =
            fields.output.section(QStringLiteral("Depends: "), 1).section(QLatin1Char('\n'), 0, 0);
        for (const char *library :
             {"libc6", "libqt6core6", "libqt6network6", "libssl3", "libsqlcipher0", "libgcrypt20", "libpq5"})
            QVERIFY2(depends.contains(QString::fromLatin1(library)), qPrintable(depends));
        // ... the maintainer scripts' tool is added, and nothing of the workstation's GUI is pulled in.
        QVERIFY2(depends.contains(QStringLiteral("adduser")), qPrintable(depends));
        QVERIFY2(!depends.contains(QStringLiteral("libqt6widgets6")) &&
                     !depends.contains(QStringLiteral("libqt6gui6")),
                 qPrintable(depends));
        QVERIFY2(!depends.contains(QStringLiteral("mdp (")), qPrintable(depends));

        const QString control = m_work.filePath(QStringLiteral("control"));
        QCOMPARE(run(dpkgDeb, {QStringLiteral("-e"), m_package, control}).exitCode, 0);
        QCOMPARE(readAll(QDir(control).filePath(QStringLiteral("conffiles"))).trimmed(),
                 QByteArray("/etc/mdp/grantd.json"));
        const QByteArray postinst = readAll(QDir(control).filePath(QStringLiteral("postinst")));
        QVERIFY(postinst.contains("adduser --system"));
        QVERIFY(postinst.contains("[ -d /run/systemd/system ]"));
        QVERIFY(postinst.contains("deb-systemd-helper enable mdp-grantd.service"));
        QVERIFY(readAll(QDir(control).filePath(QStringLiteral("prerm"))).contains("stop mdp-grantd.service"));
        for (const char *script : {"postinst", "prerm", "postrm"}) {
            const QFileInfo info(QDir(control).filePath(QString::fromLatin1(script)));
            QVERIFY2(info.isExecutable(), script);
            // Valid shell, as dpkg will run it.
            QCOMPARE(run(QStringLiteral("/bin/sh"), {QStringLiteral("-n"), info.filePath()}).exitCode, 0);
        }
    }

    void unitRunsTheConfiguredServerHardened()
    {
        const QByteArray unit =
            readAll(QDir(m_root).filePath(QStringLiteral("lib/systemd/system/mdp-grantd.service")));
        QVERIFY(!unit.isEmpty());
        const QList<QByteArray> lines = unit.split('\n');
        for (const char *line :
             {"ExecStart=/usr/bin/mdp-grantd --config /etc/mdp/grantd.json", "User=mdp-grantd",
              "StateDirectory=mdp-grantd", "LogsDirectory=mdp-grantd", "ConfigurationDirectory=mdp",
              "CapabilityBoundingSet=", "NoNewPrivileges=yes", "ProtectSystem=strict", "UMask=0077",
              "KillSignal=SIGTERM", "TimeoutStopSec=15", "Restart=on-failure",
              "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service",
              "MemoryDenyWriteExecute=yes"})
            QVERIFY2(lines.contains(QByteArray(line)), line);
    }

    void unitPassesSystemdAnalyze()
    {
        const QString analyze = tool("systemd-analyze");
        if (analyze.isEmpty())
            QSKIP("systemd-analyze is not installed (package systemd): the unit is not verified");
        // The unit as installed, its program where the package was unpacked (verify checks that
        // ExecStart names an executable).
        QString unit = QString::fromUtf8(
            readAll(QDir(m_root).filePath(QStringLiteral("lib/systemd/system/mdp-grantd.service"))));
        unit.replace(QStringLiteral("ExecStart=/usr/bin/mdp-grantd"),
                     QStringLiteral("ExecStart=") +
                         QDir(m_root).filePath(QStringLiteral("usr/bin/mdp-grantd")));
        const QString dir = m_work.filePath(QStringLiteral("unit"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(QStringLiteral("mdp-grantd.service"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(unit.toUtf8());
        file.close();

        // Unknown keys and bad values are warnings on standard error with exit code 0: both count.
        const Run verify = run(analyze, {QStringLiteral("verify"), QStringLiteral("--man=no"), path});
        QVERIFY2(verify.exitCode == 0 && verify.errors.trimmed().isEmpty(), qPrintable(verify.errors));

        const Run security = run(analyze, {QStringLiteral("security"), QStringLiteral("--offline=true"),
                                           QStringLiteral("--no-pager"), path});
        QVERIFY2(security.exitCode == 0, qPrintable(security.errors));
        const QRegularExpressionMatch score =
            QRegularExpression(QStringLiteral("Overall exposure level for mdp-grantd\\.service: ([0-9.]+)"))
                .match(security.output);
        QVERIFY2(score.hasMatch(), qPrintable(security.output));
        qInfo("systemd-analyze security --offline: exposure %s", qPrintable(score.captured(1)));
        // installer/README.md records 1.1; anything above 2.0 ("OK" ends at 4.9) is a regression.
        QVERIFY2(score.captured(1).toDouble() <= 2.0, qPrintable(security.output));
    }

    void unpackedServerAnswersHealthAndStopsOnSigterm()
    {
        const QString curl = tool("curl");
        if (curl.isEmpty())
            QSKIP("curl is not installed: the health check over mutual TLS is not run");
        const QString demo = m_work.filePath(QStringLiteral("demo"));
        const QString portFile = m_work.filePath(QStringLiteral("port"));
        QProcess server;
        server.start(QDir(m_root).filePath(QStringLiteral("usr/bin/mdp-grantd")),
                     {QStringLiteral("--demo"), demo, QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--port-file"), portFile});
        QVERIFY2(server.waitForStarted(), qPrintable(server.errorString()));
        // Listening once it has written its port (the demo PKI and store are made first).
        const bool listening = QTest::qWaitFor(
            [&] { return !readAll(portFile).trimmed().isEmpty() || server.state() == QProcess::NotRunning; },
            120000);
        const quint16 port = quint16(readAll(portFile).trimmed().toUInt());
        QVERIFY2(listening && port != 0, server.readAllStandardError().constData());

        const QDir pki(demo);
        const Run health = run(
            curl, {QStringLiteral("--silent"), QStringLiteral("--show-error"), QStringLiteral("--output"),
                   QStringLiteral("/dev/null"), QStringLiteral("--write-out"), QStringLiteral("%{http_code}"),
                   QStringLiteral("--cacert"), pki.filePath(QStringLiteral("ca.crt")),
                   QStringLiteral("--cert"), pki.filePath(QStringLiteral("workstation.crt")),
                   QStringLiteral("--key"), pki.filePath(QStringLiteral("workstation.key")),
                   QStringLiteral("https://127.0.0.1:%1/health").arg(port)});
        QVERIFY2(health.exitCode == 0, qPrintable(health.errors));
        QCOMPARE(health.output, QStringLiteral("200"));

        // Without a client certificate the handshake is refused: mutual TLS, not just TLS.
        const Run anonymous =
            run(curl, {QStringLiteral("--silent"), QStringLiteral("--output"), QStringLiteral("/dev/null"),
                       QStringLiteral("--cacert"), pki.filePath(QStringLiteral("ca.crt")),
                       QStringLiteral("https://127.0.0.1:%1/health").arg(port)});
        QVERIFY(anonymous.exitCode != 0);

        QElapsedTimer stopping;
        stopping.start();
        server.terminate(); // SIGTERM, as systemd's KillSignal
        QVERIFY2(server.waitForFinished(15000), "mdp-grantd did not stop within TimeoutStopSec=15");
        qInfo("stopped %lld ms after SIGTERM", stopping.elapsed());
        const QByteArray errors = server.readAllStandardError();
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QVERIFY2(server.exitCode() == 0, errors.constData());
        QVERIFY2(errors.contains("mdp-grantd: stopping"), errors.constData());
    }

    void exampleConfigurationLoads()
    {
        for (const QString &path : {QStringLiteral(MDP_SOURCE_DIR "/installer/grantd.json"),
                                    QDir(m_root).filePath(QStringLiteral("etc/mdp/grantd.json"))}) {
            const auto loaded = mdp::server::GrantServerConfig::fromFile(path);
            QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
            const mdp::server::GrantServerConfig &config = *loaded;
            // The paths the unit and the package provide.
            QCOMPARE(config.dataDirectory, QStringLiteral("/var/lib/mdp-grantd"));
            QCOMPARE(config.callLog, QStringLiteral("/var/log/mdp-grantd/calls.jsonl"));
            QVERIFY(config.certificateFile.startsWith(QStringLiteral("/etc/mdp/pki/")));
            QVERIFY(config.keyFile.startsWith(QStringLiteral("/etc/mdp/pki/")));
            QVERIFY(config.caFile.startsWith(QStringLiteral("/etc/mdp/pki/")));
            // A revocation list is configured: without one the server refuses to start.
            QVERIFY(config.crlFile.startsWith(QStringLiteral("/etc/mdp/pki/")));
            QVERIFY(!config.allowNoRevocationList);
            QCOMPARE(config.store, QStringLiteral("sqlcipher"));
            QVERIFY(config.port > 1024); // no capability needed: CapabilityBoundingSet= is empty
            QVERIFY(!config.gateway.allowedSources.isEmpty());
            QVERIFY(config.gateway.maxBodyBytes > 0);
            QVERIFY(config.service.failureThreshold > 0);
        }
    }
};

QTEST_GUILESS_MAIN(tst_GrantdPackage)
#include "tst_GrantdPackage.moc"
