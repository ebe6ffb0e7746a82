#include "mdp/startup/StartBenchmarks.h"

#include "StartupLogging.h"

#include "mdp/audit/AuditEvent.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/registry/IdentitySeal.h"
#include "mdp/registry/PatientSearch.h"
#include "mdp/store/Database.h"
#include "mdp/text/Pinyin.h"
#include "mdp/workspace/Workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <vector>

namespace mdp::startup {

namespace {

constexpr int kLaunchTimeoutMs = 300'000; // the first --demo start builds the template
constexpr int kRowsPerBatch = 20'000;
constexpr quint32 kSeed = 20260801;

qint64 monotonicNs()
{
    // The probe in the child prints the same clock (CLOCK_MONOTONIC on Linux).
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

QJsonArray rounded(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(std::round(x * 10) / 10);
    return a;
}

struct Launch
{
    QString program;
    QStringList arguments;
    QByteArray milestone; // "shown" or "usable"
};

// Milliseconds from starting the process to the probe's line for the milestone, or an error.
Result<double> timeLaunch(const Launch &launch, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProgram(launch.program);
    process.setArguments(launch.arguments);
    auto env = environment;
    env.insert(QStringLiteral("MDP_STARTUP_REPORT"), QString::fromLatin1(launch.milestone));
    process.setProcessEnvironment(env);
    const qint64 started = monotonicNs();
    process.start();
    if (!process.waitForStarted(30'000))
        return makeError(Error::Code::Io, QStringLiteral("cannot start %1").arg(launch.program));
    if (!process.waitForFinished(kLaunchTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return makeError(Error::Code::Io, QStringLiteral("%1 did not report '%2' within %3 s")
                                              .arg(launch.program, QString::fromLatin1(launch.milestone))
                                              .arg(kLaunchTimeoutMs / 1000));
    }
    const QByteArray prefix = "mdp-startup " + launch.milestone + ' ';
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (line.startsWith(prefix)) {
            bool ok = false;
            const qint64 at = line.mid(prefix.size()).trimmed().toLongLong(&ok);
            if (ok)
                return double(at - started) / 1e6;
        }
    }
    return makeError(Error::Code::Io, QStringLiteral("%1 exited (%2) without reporting '%3': %4")
                                          .arg(launch.program)
                                          .arg(process.exitCode())
                                          .arg(QString::fromLatin1(launch.milestone),
                                               QString::fromUtf8(process.readAllStandardError().right(400))));
}

struct Comparison
{
    std::vector<double> value;
    std::vector<double> baseline;
    std::optional<double> firstValue; // the warm-up run of the measured program
    QString error;
};

// One warm-up run each, then `repetitions` runs alternating measured program and baseline, so
// both see the same machine load.
Comparison compare(const Launch &measured, const Launch &baseline, const QProcessEnvironment &env,
                   int repetitions)
{
    Comparison c;
    auto first = timeLaunch(measured, env);
    if (!first) {
        c.error = first.error().message;
        return c;
    }
    c.firstValue = first.value();
    if (auto warm = timeLaunch(baseline, env); !warm) {
        c.error = warm.error().message;
        return c;
    }
    for (int i = 0; i < repetitions; ++i) {
        auto b = timeLaunch(baseline, env);
        auto m = timeLaunch(measured, env);
        if (!b || !m) {
            c.error = (!b ? b.error() : m.error()).message;
            return c;
        }
        c.baseline.push_back(b.value());
        c.value.push_back(m.value());
    }
    return c;
}

// The children get their own settings, caches and data folders, so the run neither reads nor
// changes the user's; without a display they run on the offscreen platform.
QProcessEnvironment childEnvironment(const QString &scratch)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"}) {
        const QString dir = QDir(scratch).filePath(QString::fromLatin1(name).toLower());
        QDir().mkpath(dir);
        env.insert(QString::fromLatin1(name), dir);
    }
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")) && !env.contains(QStringLiteral("DISPLAY")) &&
        !env.contains(QStringLiteral("WAYLAND_DISPLAY")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("MDP_DEMO_PATIENTS"));
    return env;
}

BenchLine windowLine(const QString &caseName, const QString &baseline, const Comparison &c,
                     const QProcessEnvironment &env)
{
    BenchLine l;
    l.bench = QStringLiteral("start");
    l.caseName = caseName;
    l.unit = QStringLiteral("ms");
    l.value = median(c.value);
    l.baseline = baseline;
    l.baselineValue = median(c.baseline);
    l.higherIsBetter = false;
    l.extra.insert(QStringLiteral("runs"), int(c.value.size()));
    l.extra.insert(QStringLiteral("samples_ms"), rounded(c.value));
    l.extra.insert(QStringLiteral("baseline_samples_ms"), rounded(c.baseline));
    if (c.firstValue)
        l.extra.insert(QStringLiteral("first_run_ms"), std::round(*c.firstValue));
    l.extra.insert(QStringLiteral("platform"),
                   env.value(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("default")));
    if (!c.error.isEmpty())
        l.extra.insert(QStringLiteral("error"), c.error);
    return l;
}

// Synthetic names: common family names and given-name characters, so pinyin and bigrams look
// like a real registry's.
const char16_t kFamilies[] =
    u"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    u"沈姚"
    u"卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const char16_t kGiven[] =
    u"秀英华玉兰芳丽敏静燕红霞梅琳娟婷雪慧颖佳欣怡晓洁莉萍娜倩云丹凤翠桂珍淑惠美彩春海明亮";
const char *const kDiagnoses[] = {"浸润性导管癌", "浸润性小叶癌", "导管原位癌", "黏液癌", "三阴性乳腺癌"};
const char *const kCodes[] = {"C50.4", "C50.9", "D05.1", "C50.1", "C50.2"};

QString pseudonym(QRandomGenerator &random)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString s = QStringLiteral("P-");
    for (int i = 0; i < 12; ++i)
        s += QLatin1Char(alphabet[random.bounded(32)]);
    return s;
}

} // namespace

QString siblingProgram(const QString &directory, const QString &name)
{
    const QString path = QDir(directory).filePath(name);
    return QFileInfo(path).isExecutable() ? path : QString();
}

Result<void> createLargeWorkspace(const QString &directory, const QByteArray &passphrase, int patients,
                                  const std::function<void(int done)> &progress)
{
    workspace::CreateOptions options;
    options.directory = directory;
    QByteArray pass = passphrase;
    options.passphrase = SecureBytes::takeFrom(pass);
    auto created = workspace::Workspace::create(options);
    if (!created)
        return created.error();
    workspace::Workspace &w = *created.value();
    if (auto custodian = w.beginCustodianSession(); !custodian)
        return custodian.error();
    const QString actor = w.custodianId().toString(QUuid::WithoutBraces);
    // Rows are written sealed, as the registry writes them: the identity key from the keyring as the
    // passphrase opens it (the workspace hands no key material out).
    QByteArray secretBytes = passphrase;
    auto keys = crypto::KeyHierarchy::open(QDir(directory).filePath(QStringLiteral("keyring.json")),
                                           SecureBytes::takeFrom(secretBytes), SystemClock::instance());
    if (!keys)
        return keys.error();
    auto identityKey = keys.value()->dataKey(QStringLiteral("identity"));
    if (!identityKey)
        return identityKey.error();
    auto seal = registry::IdentitySeal::open(identityKey.value());
    if (!seal)
        return seal.error();
    QRandomGenerator random(kSeed);
    const qint64 now = w.clock().now().toMSecsSinceEpoch();
    const int families = int(std::size(kFamilies)) - 1;
    const int given = int(std::size(kGiven)) - 1;
    for (int start = 0; start < patients; start += kRowsPerBatch) {
        const int end = std::min(patients, start + kRowsPerBatch);
        auto batch = w.runBatch([&]() -> Result<void> {
            for (int i = start; i < end; ++i) {
                const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                const QString pid = pseudonym(random);
                const QString family = QString(QChar(kFamilies[random.bounded(families)]));
                QString givenName = QString(QChar(kGiven[random.bounded(given)]));
                if (random.bounded(3) != 0)
                    givenName += QChar(kGiven[random.bounded(given)]);
                const text::PinyinName py = text::toPinyinName(family, givenName);
                const QDate birth = QDate(1940, 1, 1).addDays(random.bounded(365 * 60));
                registry::Patient identity;
                identity.name.family = family;
                identity.name.given = givenName;
                identity.pinyin = py.full;
                identity.pinyinInitials = py.initials;
                auto sealed = seal.value()->sealPatient(id, identity);
                if (!sealed)
                    return sealed.error();
                auto p = w.database().execute(
                    QStringLiteral("INSERT INTO registry_patients (id, pseudonym, sex, birth_date, version, "
                                   "created_at, created_by, updated_at, updated_by, identity) VALUES (?1, "
                                   "?2, 'F', ?3, 1, ?4, ?5, ?4, ?5, ?6)"),
                    {id, pid, birth.toString(Qt::ISODate), now, actor, sealed.value()});
                if (!p)
                    return p.error();
                const int kind = int(random.bounded(int(std::size(kDiagnoses))));
                const QJsonObject payload{{QStringLiteral("diagnosis"), QString::fromUtf8(kDiagnoses[kind])},
                                          {QStringLiteral("icd10"), QString::fromLatin1(kCodes[kind])}};
                auto e = w.database().execute(
                    QStringLiteral(
                        "INSERT INTO registry_events (id, patient_id, version, type, start_at, title, "
                        "payload, created_at, created_by, updated_at, updated_by) VALUES (?1, ?2, 1, "
                        "'diagnosis', ?3, ?4, ?5, ?6, ?7, ?6, ?7)"),
                    {QUuid::createUuid().toString(QUuid::WithoutBraces), id,
                     birth.addYears(45).toString(Qt::ISODate), QString::fromUtf8(kDiagnoses[kind]),
                     QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), now, actor});
                if (!e)
                    return e.error();
                audit::AuditEvent event;
                event.type = QStringLiteral("patient.create");
                event.action = audit::AuditAction::Create;
                event.entities << audit::AuditEntity{QStringLiteral("patient"), pid};
                if (auto r = w.record(std::move(event)); !r)
                    return r;
            }
            return {};
        });
        if (!batch)
            return batch.error();
        if (progress)
            progress(end);
    }
    w.logout();
    return {};
}

QList<BenchLine> runStartBenchmarks(const StartBenchOptions &options)
{
    auto say = [&options](const QString &text) {
        if (options.progress)
            options.progress(text);
    };
    QList<BenchLine> lines;
    const QProcessEnvironment env = childEnvironment(options.scratchDirectory);
    const int repetitions = std::max(1, options.repetitions);
    const QString minimalName = QStringLiteral("minimal Qt Widgets program (process start to window shown)");

    const QByteArray passphrase = QByteArrayLiteral("bench-start-passphrase-2026");
    if (options.workstationProgram.isEmpty() || options.minimalProgram.isEmpty()) {
        BenchLine missing;
        missing.bench = QStringLiteral("start");
        missing.caseName = QStringLiteral("signin-shown");
        missing.unit = QStringLiteral("ms");
        missing.higherIsBetter = false;
        missing.extra.insert(QStringLiteral("error"),
                             QStringLiteral("mdp-workstation or mdp-minimal-widgets not found next to mdp"));
        lines << missing;
    } else {
        // (a) The sign-in window of an existing workspace.
        say(QStringLiteral("sign-in window: %1 runs each").arg(repetitions));
        const QString signinWorkspace = QDir(options.scratchDirectory).filePath(QStringLiteral("signin"));
        workspace::CreateOptions create;
        create.directory = signinWorkspace;
        QByteArray pass = passphrase;
        create.passphrase = SecureBytes::takeFrom(pass);
        Comparison signin;
        if (auto w = workspace::Workspace::create(create); !w)
            signin.error = w.error().message;
        else
            signin = compare(
                {options.workstationProgram, {QStringLiteral("--workspace"), signinWorkspace}, "shown"},
                {options.minimalProgram, {}, "shown"}, env, repetitions);
        BenchLine a = windowLine(QStringLiteral("signin-shown"), minimalName, signin, env);
        a.extra.insert(QStringLiteral("goal_ratio"), 2.0);
        lines << a;

        // (b) --demo to a usable main window; the warm-up run builds the demo template when missing.
        say(QStringLiteral("--demo usable: first run builds the demo template, then %1 runs")
                .arg(repetitions));
        const Comparison demo = compare({options.workstationProgram, {QStringLiteral("--demo")}, "usable"},
                                        {options.minimalProgram, {}, "usable"}, env, repetitions);
        BenchLine b = windowLine(QStringLiteral("demo-usable"), minimalName, demo, env);
        b.extra.insert(QStringLiteral("goal_ms"), 3000);
        lines << b;
    }

    // (c) Unlock of a large workspace: key derivation, audit chain scan, database, search index.
    const int patients = std::max(1, options.unlockPatients);
    const QString large = options.largeWorkspace.isEmpty()
                              ? QDir(options.scratchDirectory).filePath(QStringLiteral("large"))
                              : options.largeWorkspace;
    // A kept workspace says how many patients it was generated with.
    const QString sizeMark = QDir(large).filePath(QStringLiteral("bench-patients.txt"));
    BenchLine c;
    c.bench = QStringLiteral("start");
    c.caseName = QStringLiteral("unlock");
    c.unit = QStringLiteral("ms");
    c.higherIsBetter = false;
    c.baseline = QStringLiteral("open the same SQLCipher database with its key and read the patient table");
    c.extra.insert(QStringLiteral("patients"), patients);
    c.extra.insert(QStringLiteral("goal_ms"), 5000);
    QFile mark(sizeMark);
    const bool kept = mark.open(QIODevice::ReadOnly) && mark.readAll().trimmed().toInt() == patients;
    mark.close();
    Result<void> generated;
    if (kept) {
        say(QStringLiteral("reusing the workspace with %1 patients in %2").arg(patients).arg(large));
    } else {
        QDir(large).removeRecursively();
        say(QStringLiteral("generating a workspace with %1 patients").arg(patients));
        QElapsedTimer generation;
        generation.start();
        generated = createLargeWorkspace(large, passphrase, patients, [&](int done) {
            if (done % 100'000 == 0)
                say(QStringLiteral("  %1 patients").arg(done));
        });
        c.extra.insert(QStringLiteral("generate_s"), double(generation.elapsed()) / 1000);
        if (generated && mark.open(QIODevice::WriteOnly))
            mark.write(QByteArray::number(patients));
        mark.close();
    }
    if (!generated) {
        c.extra.insert(QStringLiteral("error"), generated.error().message);
        lines << c;
        return lines;
    }
    std::vector<double> unlock, searchReady, baseline;
    {
        // Not timed with the others: the first open of a workspace written before the audit index
        // existed reads the whole audit log once to build it (reported on its own).
        say(QStringLiteral("unlock warm-up"));
        QByteArray pass = passphrase;
        QElapsedTimer t;
        t.start();
        auto first = workspace::Workspace::open(large, SecureBytes::takeFrom(pass));
        if (first)
            c.extra.insert(QStringLiteral("first_open_ms"), std::round(double(t.nsecsElapsed()) / 1e6));
    }
    QJsonObject stages; // of the last run: milliseconds from the start of open() to each stage
    SecureBytes databaseKey;
    QString pageCipher;
    for (int i = 0; i < std::max(1, options.unlockRepetitions); ++i) {
        say(QStringLiteral("unlock %1").arg(i + 1));
        QByteArray pass = passphrase;
        const SecureBytes secret = SecureBytes::takeFrom(pass);
        QElapsedTimer t;
        t.start();
        auto opened = workspace::Workspace::open(
            large, secret, SystemClock::instance(), [&stages, &t](const workspace::OpenProgress &p) {
                static const char *names[] = {"keys_ms", "audit_log_ms", "database_ms"};
                stages.insert(QLatin1String(names[int(p.stage)]), std::round(double(t.nsecsElapsed()) / 1e6));
            });
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!opened) {
            c.extra.insert(QStringLiteral("error"), opened.error().message);
            lines << c;
            return lines;
        }
        unlock.push_back(ms);
        // The search index is built in the background after unlock; its search waits for it (as the
        // custodian: searching needs someone signed in).
        registry::SearchFilter filter;
        if (auto custodian = opened.value()->beginCustodianSession(); !custodian) {
            c.extra.insert(QStringLiteral("error"), custodian.error().message);
            lines << c;
            return lines;
        }
        (void)opened.value()->patientSearch().search(QStringLiteral("王"), 1, filter);
        searchReady.push_back(double(t.nsecsElapsed()) / 1e6);
        if (databaseKey.isEmpty()) {
            // The baseline's key, from the keyring as the passphrase opens it (not from the workspace,
            // which hands no key material out).
            pageCipher = opened.value()->info().pageCipher;
            opened.value().reset();
            auto keys = crypto::KeyHierarchy::open(QDir(large).filePath(QStringLiteral("keyring.json")),
                                                   secret, SystemClock::instance());
            if (keys) {
                if (auto key = keys.value()->dataKey(QStringLiteral("database")))
                    databaseKey = key.value();
            }
        }
    }
    for (int i = 0; i < std::max(1, options.unlockRepetitions) && !databaseKey.isEmpty(); ++i) {
        QElapsedTimer t;
        t.start();
        store::Database::Options o;
        o.path = QDir(large).filePath(QStringLiteral("data.db"));
        o.key = databaseKey;
        o.cipher = store::pageCipherFromName(pageCipher).value_or(store::PageCipher::Sm4Cbc);
        auto db = store::Database::open(std::move(o));
        if (!db)
            break;
        auto rows = db.value()->query(QStringLiteral("SELECT * FROM registry_patients"));
        if (!rows || rows->size() != patients)
            break;
        baseline.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    c.value = median(unlock);
    c.baselineValue = median(baseline);
    c.extra.insert(QStringLiteral("samples_ms"), rounded(unlock));
    c.extra.insert(QStringLiteral("baseline_samples_ms"), rounded(baseline));
    c.extra.insert(QStringLiteral("stages_ms"), stages);
    lines << c;
    BenchLine ready = c;
    ready.caseName = QStringLiteral("search-ready");
    ready.value = median(searchReady);
    ready.extra = {};
    ready.extra.insert(QStringLiteral("patients"), patients);
    ready.extra.insert(QStringLiteral("samples_ms"), rounded(searchReady));
    ready.extra.insert(QStringLiteral("what"), QStringLiteral("from the start of unlock until the background "
                                                              "search index is built and a search answers"));
    lines << ready;
    return lines;
}

} // namespace mdp::startup
