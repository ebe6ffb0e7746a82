#include "mdp/store/StoreBenchmarks.h"

#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Random.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"

#include <gcrypt.h>

#include <QDir>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtEndian>

#include <algorithm>
#include <functional>
#include <vector>

namespace mdp::store {
namespace {

constexpr int kDbRuns = 5;
constexpr int kVaultRuns = 3;
constexpr int kBatch = 1000;
constexpr qsizetype kVaultChunk = 64 * 1024;

// Best (shortest) of kVaultRuns timed runs, in seconds; `prepare` runs untimed before each.
double bestSeconds(const std::function<void()> &work, const std::function<void()> &prepare = {})
{
    double best = 0;
    for (int run = 0; run < kVaultRuns; ++run) {
        if (prepare)
            prepare();
        QElapsedTimer timer;
        timer.start();
        work();
        const double s = double(timer.nsecsElapsed()) / 1e9;
        best = run == 0 ? s : std::min(best, s);
    }
    return std::max(best, 1e-9);
}

// ---- database ---------------------------------------------------------------------------------

struct DbConfig
{
    QString name;
    bool keyed = true;
    PageCipher cipher = PageCipher::Sm4Cbc;
};

// Realistic width (about 400 bytes): codes, dates, a measurement, free text and a small blob.
std::vector<QVariantList> syntheticRows(int rows)
{
    std::vector<QVariantList> out;
    out.reserve(std::size_t(rows));
    const QByteArray blob = crypto::randomBytes(96);
    const QString note =
        QStringLiteral("Synthetic follow-up note: no adverse event reported, vital signs within the "
                       "reference range, medication unchanged, next visit as planned. 随访记录，"
                       "无不良事件，生命体征正常。")
            .repeated(2);
    for (int i = 0; i < rows; ++i) {
        out.push_back({qlonglong(i + 1), QStringLiteral("SUBJ-%1").arg(i % 5000, 6, 10, QLatin1Char('0')),
                       QStringLiteral("2026-%1-%2")
                           .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                           .arg(1 + i % 28, 2, 10, QLatin1Char('0')),
                       QStringLiteral("site-%1").arg(i % 17), 36.5 + (i % 20) / 10.0, note, blob});
    }
    return out;
}

void removeDatabase(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

Result<std::unique_ptr<Database>> openBench(const DbConfig &config, const QString &path,
                                            const SecureBytes &key)
{
    Database::Options options;
    options.path = path;
    options.create = true;
    options.unencrypted = !config.keyed;
    options.cipher = config.cipher;
    if (config.keyed)
        options.key = key;
    return Database::open(std::move(options));
}

struct DbFigures
{
    double insertSeconds = 0; // best of the runs
    double readSeconds = 0;
    QString error;

    void keep(double insert, double read)
    {
        insertSeconds = insertSeconds == 0 ? insert : std::min(insertSeconds, insert);
        readSeconds = readSeconds == 0 ? read : std::min(readSeconds, read);
    }
};

const QString kCreate =
    QStringLiteral("CREATE TABLE observation (id INTEGER PRIMARY KEY, subject TEXT, seen_on TEXT, "
                   "site TEXT, value REAL, note TEXT, payload BLOB)");
const QString kInsert =
    QStringLiteral("INSERT INTO observation (id, subject, seen_on, site, value, note, payload) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
const QString kPointRead = QStringLiteral("SELECT subject, value, note FROM observation WHERE id = ?1");

// One run: a fresh database filled in transactions of kBatch rows, then point reads on a new
// connection, so every page the reads touch is read and decrypted at least once.
void measureOnce(const DbConfig &config, const QString &dir, const std::vector<QVariantList> &rows,
                 const std::vector<qlonglong> &keys, const SecureBytes &key, DbFigures &figures)
{
    const QString path = dir + QStringLiteral("/bench-%1.db").arg(config.name);
    removeDatabase(path);
    auto cleanup = qScopeGuard([&] { removeDatabase(path); });
    auto writer = openBench(config, path, key);
    if (!writer || !(*writer)->exec(kCreate)) {
        figures.error = writer ? QStringLiteral("cannot create the table") : writer.error().toString();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    for (std::size_t start = 0; start < rows.size(); start += kBatch) {
        auto done = (*writer)->transaction([&]() -> Result<void> {
            const std::size_t end = std::min(rows.size(), start + kBatch);
            for (std::size_t i = start; i < end; ++i) {
                if (auto r = (*writer)->execute(kInsert, rows[i]); !r)
                    return r.error();
            }
            return {};
        });
        if (!done) {
            figures.error = done.error().toString();
            return;
        }
    }
    const double insertSeconds = double(timer.nsecsElapsed()) / 1e9;
    writer->reset();

    auto reader = openBench(config, path, key);
    if (!reader) {
        figures.error = reader.error().toString();
        return;
    }
    timer.restart();
    for (qlonglong k : keys) {
        auto row = (*reader)->queryOne(kPointRead, {k});
        if (!row || !row->has_value()) {
            figures.error = QStringLiteral("point read failed");
            return;
        }
    }
    figures.keep(std::max(insertSeconds, 1e-9), std::max(double(timer.nsecsElapsed()) / 1e9, 1e-9));
}

BenchLine dbLine(const QString &caseName, const QString &unit, double keyed, double unkeyed,
                 PageCipher cipher, int rows, const QString &error)
{
    BenchLine b;
    b.bench = QStringLiteral("store");
    b.caseName = caseName;
    b.unit = unit;
    b.value = keyed;
    b.baseline = QStringLiteral("sqlcipher unkeyed (same library, same pragmas)");
    b.baselineValue = unkeyed;
    b.higherIsBetter = true;
    b.extra.insert(QStringLiteral("time_ratio"), keyed > 0 ? unkeyed / keyed : 0.0);
    if (cipher == PageCipher::Aes256Cbc)
        b.extra.insert(QStringLiteral("goal_time_ratio"), 1.3);
    b.extra.insert(QStringLiteral("rows"), rows);
    b.extra.insert(QStringLiteral("batch_rows"), kBatch);
    const Database::Options defaults;
    b.extra.insert(QStringLiteral("page_size"), defaults.pageSize);
    b.extra.insert(QStringLiteral("cache_kib"), defaults.cacheKiB);
    if (!error.isEmpty())
        b.extra.insert(QStringLiteral("error"), error);
    return b;
}

// ---- vault ------------------------------------------------------------------------------------

// Raw libgcrypt GCM over the same buffer in the same chunks: the cipher alone, no file, no MAC.
class RawGcm
{
public:
    RawGcm(crypto::AeadCipher cipher, const SecureBytes &key)
    {
        const bool sm4 = cipher == crypto::AeadCipher::Sm4Gcm;
        if (gcry_cipher_open(&m_handle, sm4 ? GCRY_CIPHER_SM4 : GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_GCM,
                             0) == 0)
            gcry_cipher_setkey(m_handle, key.data(), sm4 ? 16 : 32);
    }
    ~RawGcm()
    {
        if (m_handle)
            gcry_cipher_close(m_handle);
    }
    RawGcm(const RawGcm &) = delete;
    RawGcm &operator=(const RawGcm &) = delete;

    void seal(const char *nonce, char *inout, qsizetype size, char *tag)
    {
        gcry_cipher_reset(m_handle);
        gcry_cipher_setiv(m_handle, nonce, 12);
        gcry_cipher_final(m_handle);
        gcry_cipher_encrypt(m_handle, inout, std::size_t(size), nullptr, 0);
        gcry_cipher_gettag(m_handle, tag, 16);
    }
    bool open(const char *nonce, const char *in, char *out, qsizetype size, const char *tag)
    {
        gcry_cipher_reset(m_handle);
        gcry_cipher_setiv(m_handle, nonce, 12);
        gcry_cipher_final(m_handle);
        gcry_cipher_decrypt(m_handle, out, std::size_t(size), in, std::size_t(size));
        return gcry_cipher_checktag(m_handle, tag, 16) == 0;
    }

private:
    gcry_cipher_hd_t m_handle = nullptr;
};

QList<BenchLine> vaultLines(crypto::AeadCipher cipher, const QString &dir, QByteArray &data)
{
    const SecureBytes key = crypto::randomKey(32);
    const double mb = double(data.size()) / (1024.0 * 1024.0);
    Vault::Options options;
    options.directory = dir + u'/' + crypto::cipherName(cipher);
    options.dataKey = key;
    options.cipher = cipher;
    options.create = true;
    auto vault = Vault::open(std::move(options));
    QString error = vault ? QString() : vault.error().toString();

    QString id;
    quint64 variant = 0;
    const double putSeconds = bestSeconds(
        [&] {
            if (!vault)
                return;
            auto put = (*vault)->put(data);
            if (put)
                id = *put;
            else
                error = put.error().toString();
        },
        [&] {
            // Fresh content each run, or the second put would be a no-op on an existing id.
            qToBigEndian<quint64>(++variant, data.data());
        });
    const double getSeconds = bestSeconds([&] {
        if (!vault || id.isEmpty())
            return;
        auto got = (*vault)->get(id);
        if (!got || got->size() != data.size())
            error = QStringLiteral("get failed");
    });

    // Streaming read into one reused buffer: what a viewer does, without a fresh 64 MB allocation.
    QByteArray window(1 << 20, Qt::Uninitialized);
    const double streamSeconds = bestSeconds([&] {
        if (!vault || id.isEmpty())
            return;
        auto device = (*vault)->openRead(id);
        if (!device) {
            error = device.error().toString();
            return;
        }
        qint64 total = 0;
        for (qint64 n; (n = (*device)->read(window.data(), window.size())) > 0;)
            total += n;
        if (total != data.size())
            error = QStringLiteral("stream read failed");
    });

    RawGcm raw(cipher, key);
    const QByteArray nonce = crypto::randomBytes(12);
    const qsizetype chunks = (data.size() + kVaultChunk - 1) / kVaultChunk;
    QByteArray tags(chunks * 16, '\0');
    QByteArray sealed = data;
    const double rawSealSeconds = bestSeconds(
        [&] {
            for (qsizetype c = 0; c < chunks; ++c) {
                const qsizetype off = c * kVaultChunk;
                raw.seal(nonce.constData(), sealed.data() + off, std::min(kVaultChunk, data.size() - off),
                         tags.data() + c * 16);
            }
        },
        [&] { sealed = data; });
    QByteArray opened(data.size(), Qt::Uninitialized);
    const double rawOpenSeconds = bestSeconds([&] {
        for (qsizetype c = 0; c < chunks; ++c) {
            const qsizetype off = c * kVaultChunk;
            if (!raw.open(nonce.constData(), sealed.constData() + off, opened.data() + off,
                          std::min(kVaultChunk, data.size() - off), tags.constData() + c * 16))
                error = QStringLiteral("raw baseline failed to authenticate");
        }
    });

    auto make = [&](const QString &op, double seconds, double baseSeconds) {
        BenchLine b;
        b.bench = QStringLiteral("vault");
        b.caseName = op + u' ' + crypto::cipherName(cipher);
        b.unit = QStringLiteral("MB/s");
        b.value = mb / seconds;
        b.baseline = QStringLiteral("libgcrypt %1 raw %2")
                         .arg(crypto::cipherName(cipher),
                              op == u"put" ? QStringLiteral("encrypt") : QStringLiteral("decrypt"));
        b.baselineValue = mb / baseSeconds;
        b.extra.insert(QStringLiteral("megabytes"), mb);
        b.extra.insert(QStringLiteral("chunk_bytes"), double(kVaultChunk));
        if (op == u"put")
            b.extra.insert(QStringLiteral("includes"),
                           QStringLiteral("HMAC-SM3 id pass, encryption, write, fsync, rename"));
        else if (op == u"get")
            b.extra.insert(QStringLiteral("includes"),
                           QStringLiteral("read, authenticated decryption into a new buffer"));
        else
            b.extra.insert(QStringLiteral("includes"),
                           QStringLiteral("streaming read and authenticated decryption, 1 MiB window"));
        if (!error.isEmpty())
            b.extra.insert(QStringLiteral("error"), error);
        return b;
    };
    return {make(QStringLiteral("put"), putSeconds, rawSealSeconds),
            make(QStringLiteral("get"), getSeconds, rawOpenSeconds),
            make(QStringLiteral("stream"), streamSeconds, rawOpenSeconds)};
}

} // namespace

QList<BenchLine> runStoreBenchmarks(const QString &scratchDir, int rows)
{
    crypto::initialise();
    QTemporaryDir dir(scratchDir + QStringLiteral("/mdp-store-bench-XXXXXX"));
    const SecureBytes key = crypto::randomKey(32);
    rows = std::max(rows, kBatch);
    const std::vector<QVariantList> data = syntheticRows(rows);
    std::vector<qlonglong> keys(data.size()); // fixed pseudo-random order
    quint32 state = 12345;
    for (auto &k : keys) {
        state = state * 1664525u + 1013904223u;
        k = qlonglong(state % data.size()) + 1;
    }

    // Runs alternate between the three configurations, so load from other processes on the
    // machine hits the keyed and the unkeyed figures alike.
    const DbConfig unkeyed{QStringLiteral("unkeyed"), false, PageCipher::Sm4Cbc};
    const DbConfig sm4{QStringLiteral("sm4-cbc"), true, PageCipher::Sm4Cbc};
    const DbConfig aes{QStringLiteral("aes-256-cbc"), true, PageCipher::Aes256Cbc};
    DbFigures base, sm4Figures, aesFigures;
    for (int run = 0; run < kDbRuns; ++run) {
        measureOnce(unkeyed, dir.path(), data, keys, key, base);
        measureOnce(sm4, dir.path(), data, keys, key, sm4Figures);
        measureOnce(aes, dir.path(), data, keys, key, aesFigures);
    }

    QList<BenchLine> lines;
    for (const auto &[cipher, figures] :
         {std::pair{PageCipher::Sm4Cbc, &sm4Figures}, std::pair{PageCipher::Aes256Cbc, &aesFigures}}) {
        const QString error = !figures->error.isEmpty() ? figures->error : base.error;
        auto perSecond = [](double count, double seconds) { return seconds > 0 ? count / seconds : 0.0; };
        lines.append(dbLine(QStringLiteral("insert %1").arg(pageCipherName(cipher)), QStringLiteral("rows/s"),
                            perSecond(rows, figures->insertSeconds), perSecond(rows, base.insertSeconds),
                            cipher, rows, error));
        lines.append(dbLine(QStringLiteral("point read %1").arg(pageCipherName(cipher)),
                            QStringLiteral("reads/s"), perSecond(double(keys.size()), figures->readSeconds),
                            perSecond(double(keys.size()), base.readSeconds), cipher, rows, error));
    }
    return lines;
}

QList<BenchLine> runVaultBenchmarks(const QString &scratchDir, int megabytes)
{
    crypto::initialise();
    QTemporaryDir dir(scratchDir + QStringLiteral("/mdp-vault-bench-XXXXXX"));
    // Synthetic, incompressible content: 1 MiB of random bytes repeated, each MiB stamped with its index.
    const QByteArray block = crypto::randomBytes(1024 * 1024);
    QByteArray data;
    data.reserve(qsizetype(std::max(megabytes, 1)) * block.size());
    for (int i = 0; i < std::max(megabytes, 1); ++i) {
        QByteArray stamped = block;
        qToBigEndian<quint32>(quint32(i), stamped.data() + 8);
        data += stamped;
    }
    QList<BenchLine> lines;
    for (auto cipher : {crypto::AeadCipher::Sm4Gcm, crypto::AeadCipher::Aes256Gcm})
        lines += vaultLines(cipher, dir.path(), data);
    return lines;
}

} // namespace mdp::store
