#include "PostgresFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtDebug>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mdp::server {

namespace {

constexpr int kCommandTimeoutMs = 120000;

QString findBinDir()
{
    const auto hasServer = [](const QString &dir) {
        return QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() &&
               QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable() &&
               QFileInfo(dir + QStringLiteral("/createdb")).isExecutable();
    };
    const QString fromEnvironment = qEnvironmentVariable("MDP_POSTGRES_BINDIR");
    if (!fromEnvironment.isEmpty())
        return hasServer(fromEnvironment) ? fromEnvironment : QString();
    const QString preferred = QStringLiteral("/usr/lib/postgresql/15/bin");
    if (hasServer(preferred))
        return preferred;
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : std::as_const(versions)) {
        const QString dir = root.filePath(version + QStringLiteral("/bin"));
        if (hasServer(dir))
            return dir;
    }
    return {};
}

// A port the kernel just handed out on loopback; free unless someone takes it in between (start()
// then tries another).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// As root the server runs as postgres, which must reach the directory: $TMPDIR may be under /root.
QString tempBase()
{
    return ::geteuid() == 0 ? QStringLiteral("/tmp") : QDir::tempPath();
}

struct Outcome
{
    bool ok = false;
    QString output;
};

} // namespace

struct PostgresFixture::Impl
{
    QTemporaryDir dir{tempBase() + QStringLiteral("/mdp-pg-XXXXXX")};
    QString binDir;
    QString runuser; // empty: run the server tools as ourselves
    int port = 0;
    bool running = false;

    QString dataDir() const { return dir.path() + QStringLiteral("/data"); }
    QString logFile() const { return dir.path() + QStringLiteral("/server.log"); }

    // Server tools (initdb, pg_ctl) run as the cluster's owner; client tools as ourselves.
    Outcome run(const QString &tool, const QStringList &arguments, bool asOwner) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(dir.path()); // readable by the postgres user
        const QString program = binDir + u'/' + tool;
        if (asOwner && !runuser.isEmpty())
            process.start(runuser, QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                               QStringLiteral("--"), program} +
                                       arguments);
        else
            process.start(program, arguments);
        Outcome outcome;
        if (!process.waitForFinished(kCommandTimeoutMs)) {
            process.kill();
            process.waitForFinished();
            outcome.output = QStringLiteral("%1 did not finish: %2").arg(tool, process.errorString());
            return outcome;
        }
        outcome.output = QString::fromLocal8Bit(process.readAll()).trimmed();
        outcome.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        return outcome;
    }

    // A test that crashes or is killed never runs the destructor: a detached shell waits for this
    // process to end and then stops the server and removes the directory (after a normal end there
    // is nothing left for it to do).
    void startWatchdog() const
    {
        const QString pgCtl = binDir + QStringLiteral("/pg_ctl");
        const QString asOwner = runuser.isEmpty() ? QString() : runuser + QStringLiteral(" -u postgres -- ");
        const QString script =
            QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 1; done; "
                           "if [ -d '%3' ]; then %2'%4' -D '%3' -m immediate -w stop >/dev/null 2>&1; "
                           "rm -rf '%5'; fi")
                .arg(QString::number(::getpid()), asOwner, dataDir(), pgCtl, dir.path());
        if (!QProcess::startDetached(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}))
            qWarning("PostgresFixture: no watchdog; a crashed test would leave the server running");
    }

    QString logTail() const
    {
        QFile file(logFile());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray all = file.readAll();
        return QString::fromLocal8Bit(all.right(1500)).trimmed();
    }

    QString connectionString(const QString &database) const
    {
        return QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=mdp").arg(port).arg(database);
    }
};

PostgresFixture::PostgresFixture()
    : d(std::make_unique<Impl>())
{}

PostgresFixture::~PostgresFixture()
{
    if (d->running) {
        const Outcome stopped = d->run(QStringLiteral("pg_ctl"),
                                       {QStringLiteral("-D"), d->dataDir(), QStringLiteral("-m"),
                                        QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")},
                                       true);
        if (!stopped.ok)
            qWarning("PostgresFixture: pg_ctl stop failed: %s", qPrintable(stopped.output));
    }
}

Result<std::unique_ptr<PostgresFixture>> PostgresFixture::start()
{
    std::unique_ptr<PostgresFixture> fixture(new PostgresFixture);
    Impl &d = *fixture->d;
    d.binDir = findBinDir();
    if (d.binDir.isEmpty())
        return makeError(
            Error::Code::NotFound,
            QStringLiteral("no PostgreSQL server binaries (initdb, pg_ctl) found; install postgresql "
                           "or set MDP_POSTGRES_BINDIR"));
    if (!d.dir.isValid())
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot create a temporary directory for PostgreSQL"));

    if (::geteuid() == 0) {
        const passwd *owner = ::getpwnam("postgres");
        d.runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        if (!owner || d.runuser.isEmpty())
            return makeError(
                Error::Code::NotFound,
                QStringLiteral("running as root, but there is no postgres user or no runuser to run the "
                               "PostgreSQL server as"));
        if (::chown(QFile::encodeName(d.dir.path()).constData(), owner->pw_uid, owner->pw_gid) != 0)
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot hand %1 to the postgres user").arg(d.dir.path()));
    }

    const Outcome initialised =
        d.run(QStringLiteral("initdb"),
              {QStringLiteral("-D"), d.dataDir(), QStringLiteral("-A"), QStringLiteral("trust"),
               QStringLiteral("-U"), QStringLiteral("mdp"), QStringLiteral("-E"), QStringLiteral("UTF8"),
               QStringLiteral("--no-sync")},
              true);
    if (!initialised.ok)
        return makeError(Error::Code::Io,
                         QStringLiteral("initdb failed: %1").arg(initialised.output.right(1500)));

    QString lastFailure;
    for (int attempt = 0; attempt < 3 && !d.running; ++attempt) {
        d.port = freePort();
        if (d.port == 0)
            return makeError(Error::Code::Io, QStringLiteral("no free port on 127.0.0.1"));
        // pg_ctl hands -o to the server through a shell: the socket directory is quoted.
        const QString options =
            QStringLiteral(
                "-k '%1' -p %2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off")
                .arg(d.dir.path())
                .arg(d.port);
        const Outcome started = d.run(QStringLiteral("pg_ctl"),
                                      {QStringLiteral("-D"), d.dataDir(), QStringLiteral("-l"), d.logFile(),
                                       QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                                       QStringLiteral("-o"), options, QStringLiteral("start")},
                                      true);
        d.running = started.ok;
        if (!started.ok)
            lastFailure = started.output + u'\n' + d.logTail();
    }
    if (!d.running)
        return makeError(Error::Code::Io, QStringLiteral("PostgreSQL did not start: %1").arg(lastFailure));

    d.startWatchdog();
    if (fixture->createDatabase(QStringLiteral("mdp")).isEmpty())
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot create the database mdp: %1").arg(d.logTail()));
    return fixture;
}

QString PostgresFixture::connectionString() const
{
    return d->connectionString(QStringLiteral("mdp"));
}

QString PostgresFixture::createDatabase(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9_]{1,63}$"));
    if (!valid.match(name).hasMatch()) {
        qWarning("PostgresFixture: invalid database name %s", qPrintable(name));
        return {};
    }
    const Outcome created =
        d->run(QStringLiteral("createdb"),
               {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(d->port), QStringLiteral("-U"), QStringLiteral("mdp"), name},
               false);
    if (!created.ok) {
        qWarning("PostgresFixture: createdb %s failed: %s", qPrintable(name), qPrintable(created.output));
        return {};
    }
    return d->connectionString(name);
}

int PostgresFixture::port() const
{
    return d->port;
}

} // namespace mdp::server
