#include "mdp/startup/DemoServer.h"

#include "mdp/pki/DemoPki.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

namespace mdp::startup {

struct DemoServer::Impl
{
    QProcess process;
    QString directory;
    quint16 port = 0;
};

DemoServer::DemoServer()
    : d(std::make_unique<Impl>())
{}

DemoServer::~DemoServer()
{
    if (d->process.state() != QProcess::NotRunning) {
        d->process.terminate(); // graceful: SIGTERM
        if (!d->process.waitForFinished(10000)) {
            d->process.kill();
            d->process.waitForFinished(3000);
        }
    }
}

Result<std::unique_ptr<DemoServer>> DemoServer::start(const QString &directory, const QString &program,
                                                      int timeoutMs)
{
    const QString executable =
        program.isEmpty()
            ? QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("mdp-grantd"))
            : program;
    if (!QFileInfo(executable).isExecutable())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("the demo server %1 is not installed").arg(executable));
    if (!QDir().mkpath(directory))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(directory));
    std::unique_ptr<DemoServer> server(new DemoServer);
    server->d->directory = directory;
    const QString portFile = QDir(directory).filePath(QStringLiteral("port"));
    QFile::remove(portFile);
    server->d->process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server->d->process.setStandardOutputFile(QProcess::nullDevice());
    server->d->process.start(executable, {QStringLiteral("--demo"), directory, QStringLiteral("--port"),
                                          QStringLiteral("0"), QStringLiteral("--port-file"), portFile});
    if (!server->d->process.waitForStarted(10000))
        return makeError(
            Error::Code::Io,
            QStringLiteral("the demo server did not start: %1").arg(server->d->process.errorString()));
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            server->d->port = quint16(file.readAll().trimmed().toUInt());
            if (server->d->port > 0)
                return server;
        }
        if (server->d->process.state() == QProcess::NotRunning)
            return makeError(
                Error::Code::Io,
                QStringLiteral("the demo server stopped (exit code %1)").arg(server->d->process.exitCode()));
        QThread::msleep(50);
    }
    return makeError(Error::Code::Io,
                     QStringLiteral("the demo server did not listen within %1 s").arg(timeoutMs / 1000));
}

quint16 DemoServer::port() const
{
    return d->port;
}

QString DemoServer::directory() const
{
    return d->directory;
}

QHash<QString, QString> DemoServer::totpSecrets() const
{
    QHash<QString, QString> out;
    QFile file(QDir(d->directory).filePath(QStringLiteral("demo-accounts.json")));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue account :
         QJsonDocument::fromJson(file.readAll()).object().value(u"accounts").toArray()) {
        const QJsonObject a = account.toObject();
        const QString secret = a.value(u"totpSecret").toString();
        if (!secret.isEmpty())
            out.insert(a.value(u"userName").toString(), secret);
    }
    return out;
}

Result<workspace::ServerSettings> DemoServer::workstationSettings(const QString &name) const
{
    auto read = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QString certificate = QDir(d->directory).filePath(QStringLiteral("workstation.crt"));
    QString key = QDir(d->directory).filePath(QStringLiteral("workstation.key"));
    if (name != QLatin1String("workstation-1")) {
        certificate = QDir(d->directory).filePath(name + QStringLiteral(".crt"));
        key = QDir(d->directory).filePath(name + QStringLiteral(".key"));
        if (!QFileInfo::exists(certificate)) {
            auto issued = pki::issueDemoWorkstation(d->directory, name);
            if (!issued)
                return issued.error();
            certificate = issued->certificate;
            key = issued->privateKey;
        }
    }
    workspace::ServerSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = d->port;
    settings.serverName = QStringLiteral("localhost");
    settings.caPem = read(QDir(d->directory).filePath(QStringLiteral("ca.crt")));
    settings.certificatePem = read(certificate);
    settings.privateKeyPem = read(key);
    // The demo site's sync key, which the demo server keeps beside its accounts (a real site's is made
    // by its first administrator's workstation and never reaches the server).
    const QJsonObject accounts =
        QJsonDocument::fromJson(read(QDir(d->directory).filePath(QStringLiteral("demo-accounts.json"))))
            .object();
    settings.siteKey = QByteArray::fromBase64(accounts.value(QLatin1String("siteKey")).toString().toLatin1());
    if (settings.siteKey.size() != 32)
        settings.siteKey.clear();
    // And its identity scope key, which patients' identity in the site sync is sealed under (a real
    // site's reaches a workstation in the bundle of a server sign-in).
    settings.siteIdentityKey = QByteArray::fromBase64(accounts.value(QLatin1String("scopeKeys"))
                                                          .toObject()
                                                          .value(QLatin1String("identity"))
                                                          .toString()
                                                          .toLatin1());
    if (settings.siteIdentityKey.size() != 32)
        settings.siteIdentityKey.clear();
    if (settings.caPem.isEmpty() || settings.certificatePem.isEmpty() || settings.privateKeyPem.isEmpty())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("the demo PKI in %1 is incomplete").arg(d->directory));
    return settings;
}

Result<void> connectDemoWorkspace(workspace::Workspace &workspace, const DemoServer &server,
                                  const QString &workstationName)
{
    auto settings = server.workstationSettings(workstationName);
    if (!settings)
        return settings.error();
    const bool wasSignedIn = workspace.session().has_value();
    if (!wasSignedIn) {
        if (auto custodian = workspace.beginCustodianSession(workspace::SessionOrigin::Workstation);
            !custodian)
            return custodian.error();
    }
    auto configured = workspace.serverLink().configure(*settings);
    if (!wasSignedIn)
        workspace.logout();
    return configured;
}

} // namespace mdp::startup
