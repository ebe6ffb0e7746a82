// mdp-grantd: the thin central server (issue 11). Composition root only: the server is
// modules/server; this reads the configuration and flags, starts it and stops it gracefully.
#include "mdp/foundation/ProcessHardening.h"
#include "mdp/server/GrantServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto ignored = ::write(signalPipe[1], &byte, 1);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "mdp-grantd: " << message << '\n';
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    mdp::disableCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mdp-grantd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MDP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The MDP central server: accounts, certificate-bound tokens, the end-to-end encrypted sync relay and "
        "the central audit copy, over mutual TLS 1.3."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Configuration file (JSON)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Throw-away demo: CA, certificates, state and demo accounts in DIR, "
                       "serving on 127.0.0.1."),
        QStringLiteral("DIR"));
    const QCommandLineOption port(
        QStringLiteral("port"), QStringLiteral("TCP port (0: any free port, printed)."), QStringLiteral("P"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to listen on."),
                                    QStringLiteral("ADDRESS"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("State directory."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption store(QStringLiteral("store"),
                                   QStringLiteral("sqlcipher (default) or postgresql."),
                                   QStringLiteral("KIND"));
    const QCommandLineOption postgres(QStringLiteral("postgres"),
                                      QStringLiteral("libpq connection string, without a password (give one "
                                                     "in the configuration file or a passfile=)."),
                                      QStringLiteral("CONNINFO"));
    const QCommandLineOption allow(QStringLiteral("allow"),
                                   QStringLiteral("Allowed source address or CIDR range (repeatable)."),
                                   QStringLiteral("CIDR"));
    const QCommandLineOption callLog(QStringLiteral("call-log"),
                                     QStringLiteral("File for the JSON call log (default: standard output)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption portFile(QStringLiteral("port-file"),
                                      QStringLiteral("Write the bound port to FILE once listening."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("I/O threads."),
                                     QStringLiteral("N"));
    parser.addOptions({config, demo, port, listen, data, store, postgres, allow, callLog, portFile, threads});
    parser.process(app);
    if (parser.isSet(postgres)) {
        // Every local user can read a process's arguments (ps, /proc/PID/cmdline).
        if (parser.value(postgres).contains(QLatin1String("password"), Qt::CaseInsensitive))
            return fail(QStringLiteral("--postgres must not carry a password: every user of this machine can "
                                       "read the command line. Put it in the configuration file (mode 0640) "
                                       "or a libpq passfile= instead."));
    }

    mdp::server::GrantServerConfig settings;
    if (parser.isSet(demo)) {
        auto prepared =
            mdp::server::prepareDemoServer(parser.value(demo), quint16(parser.value(port).toUInt()));
        if (!prepared)
            return fail(prepared.error().toString());
        settings = *prepared;
    } else if (parser.isSet(config)) {
        auto loaded = mdp::server::GrantServerConfig::fromFile(parser.value(config));
        if (!loaded)
            return fail(loaded.error().toString());
        settings = *loaded;
    } else {
        return fail(QStringLiteral("give --config FILE (see /etc/mdp/grantd.json) or --demo DIR"));
    }
    if (parser.isSet(port))
        settings.port = quint16(parser.value(port).toUInt());
    if (parser.isSet(listen) && !parser.isSet(demo))
        settings.listen = parser.value(listen);
    if (parser.isSet(data))
        settings.dataDirectory = parser.value(data);
    if (parser.isSet(store))
        settings.store = parser.value(store);
    if (parser.isSet(postgres)) {
        settings.postgres = parser.value(postgres);
    }
    if (parser.isSet(allow))
        settings.gateway.allowedSources = parser.values(allow);
    if (parser.isSet(callLog))
        settings.callLog = parser.value(callLog);
    if (parser.isSet(threads))
        settings.threads = parser.value(threads).toInt();

    auto server = mdp::server::GrantServer::start(settings);
    if (!server)
        return fail(server.error().toString());
    if (parser.isSet(demo)) {
        auto accounts = mdp::server::ensureDemoAccounts(**server, parser.value(demo));
        if (!accounts)
            return fail(accounts.error().toString());
    }
    const quint16 bound = (*server)->port();
    if (parser.isSet(portFile)) {
        QFile file(parser.value(portFile));
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QByteArray::number(bound) + '\n');
    }
    QTextStream(stderr) << "mdp-grantd: listening on https://" << settings.listen << ':' << bound
                        << " (store " << (*server)->store().backendName() << ")\n";

    // SIGTERM and SIGINT stop it gracefully: no new connections, requests in progress answered.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return fail(QStringLiteral("socketpair failed"));
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte;
        [[maybe_unused]] const auto ignored = ::read(signalPipe[0], &byte, 1);
        QTextStream(stderr) << "mdp-grantd: stopping\n";
        (*server)->stop(5000);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    const int code = app.exec();
    server->reset();
    return code;
}
