// The libgcrypt crypto provider inside SQLCipher 3.4.1: which provider is active, and the page
// format it writes, checked byte by byte with libgcrypt independently of the provider's code.
#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"
#include "mdp/store/Database.h"

#include <gcrypt.h>

#include <QProcess>
#include <QStandardPaths>
#include <QtEndian>
#include <QtTest>

using namespace mdp;
using namespace mdp::store;

namespace {

const QString kMarker = QStringLiteral("MARKER-Li-Si-李四-0815");
const QString kProviderName = QStringLiteral("mdp-libgcrypt");

// SQLCipher 3.4.1 page layout with the store's options (4096-byte pages): page 1 starts with the
// 16-byte salt in clear; every page ends with a 48-byte reserve = 16-byte IV, then the HMAC
// (32 bytes HMAC-SM3, or 20 bytes HMAC-SHA1 followed by filler).
constexpr int kPageSize = 4096;
constexpr int kReserve = 48;
constexpr int kSaltSize = 16;
constexpr int kIvSize = 16;
constexpr int kFastKdfIterations = 2;
constexpr unsigned char kHmacSaltMask = 0x3a;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

// The SM4 page key exactly as Database.cpp derives it from the 32-byte database key.
QByteArray sm4PageKey(const SecureBytes &key)
{
    return crypto::hkdf(crypto::HashAlgorithm::Sm3, key.view(), {},
                        QByteArrayView("mdp/store/sqlcipher/sm4-cbc-page-key/v1"), 16)
        .view()
        .toByteArray();
}

struct Page
{
    int number = 0;
    QByteArray covered; // what the HMAC covers before the page number: ciphertext || IV
    QByteArray cipherText;
    QByteArray iv;
    QByteArray tag; // the rest of the reserve after the IV
};

Page pageOf(const QByteArray &file, int number)
{
    const QByteArray raw = file.mid(qsizetype(number - 1) * kPageSize, kPageSize);
    const int from = number == 1 ? kSaltSize : 0;
    Page page;
    page.number = number;
    page.cipherText = raw.mid(from, kPageSize - kReserve - from);
    page.iv = raw.mid(kPageSize - kReserve, kIvSize);
    page.tag = raw.mid(kPageSize - kReserve + kIvSize);
    page.covered = page.cipherText + page.iv;
    return page;
}

QByteArray sm4CbcDecrypt(const QByteArray &key, const QByteArray &iv, const QByteArray &cipherText)
{
    gcry_cipher_hd_t handle = nullptr;
    if (gcry_cipher_open(&handle, GCRY_CIPHER_SM4, GCRY_CIPHER_MODE_CBC, 0))
        return {};
    QByteArray plain(cipherText.size(), '\0');
    const bool ok = !gcry_cipher_setkey(handle, key.constData(), std::size_t(key.size())) &&
                    !gcry_cipher_setiv(handle, iv.constData(), std::size_t(iv.size())) &&
                    !gcry_cipher_decrypt(handle, plain.data(), std::size_t(plain.size()),
                                         cipherText.constData(), std::size_t(cipherText.size()));
    gcry_cipher_close(handle);
    return ok ? plain : QByteArray();
}

QByteArray pbkdf2(int hash, const QByteArray &pass, const QByteArray &salt, int iterations, int length)
{
    QByteArray out(length, '\0');
    if (gcry_kdf_derive(pass.constData(), std::size_t(pass.size()), GCRY_KDF_PBKDF2, hash, salt.constData(),
                        std::size_t(salt.size()), static_cast<unsigned long>(iterations), std::size_t(length),
                        out.data()))
        return {};
    return out;
}

QByteArray hmac(int hash, const QByteArray &key, const QByteArray &data)
{
    gcry_md_hd_t handle = nullptr;
    if (gcry_md_open(&handle, hash, GCRY_MD_FLAG_HMAC))
        return {};
    QByteArray out;
    if (!gcry_md_setkey(handle, key.constData(), std::size_t(key.size()))) {
        gcry_md_write(handle, data.constData(), std::size_t(data.size()));
        const auto *digest = reinterpret_cast<const char *>(gcry_md_read(handle, hash));
        out = QByteArray(digest, int(gcry_md_get_algo_dlen(hash)));
    }
    gcry_md_close(handle);
    return out;
}

// SQLCipher 3.4.1: HMAC key = PBKDF2(page key, file salt XOR 0x3a, 2 iterations, key size);
// tag = HMAC(ciphertext || IV || page number as 4 bytes little-endian).
QByteArray expectedTag(int hash, const QByteArray &pageKey, const QByteArray &salt, const Page &page)
{
    QByteArray hmacSalt = salt;
    for (char &byte : hmacSalt)
        byte = char(byte ^ kHmacSaltMask);
    const QByteArray hmacKey = pbkdf2(hash, pageKey, hmacSalt, kFastKdfIterations, int(pageKey.size()));
    QByteArray number(4, '\0');
    qToLittleEndian<quint32>(quint32(page.number), number.data());
    return hmac(hash, hmacKey, page.covered + number);
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

class tst_SqlCipherProvider : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SecureBytes m_key = crypto::randomKey(32);

    QString dbPath(const QString &name) const { return m_dir.filePath(name); }

    std::unique_ptr<Database> openDb(const QString &name, PageCipher cipher, bool create = true)
    {
        Database::Options options;
        options.path = dbPath(name);
        options.key = m_key;
        options.cipher = cipher;
        options.create = create;
        auto db = Database::open(std::move(options));
        if (!db) {
            qWarning() << db.error().toString();
            return nullptr;
        }
        return std::move(*db);
    }

    // A closed database holding the marker row; returns the page number of the marker table.
    int createMarkerDatabase(const QString &name, PageCipher cipher)
    {
        auto db = openDb(name, cipher);
        if (!db)
            return 0;
        if (!db->exec(QStringLiteral("CREATE TABLE markers (id INTEGER PRIMARY KEY, t TEXT)")) ||
            !db->execute(QStringLiteral("INSERT INTO markers (t) VALUES (?1)"), {kMarker}))
            return 0;
        auto root = db->queryOne(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'markers'"));
        if (!root || !root->has_value())
            return 0;
        // Closing the last connection (on return) checkpoints the WAL into the main file.
        return int((*root)->value(0).toLongLong());
    }

    // Runs the Debian `sqlcipher` shell (stock SQLCipher 3.4.1 with its OpenSSL provider) on a
    // script fed through stdin; returns stdout + stderr.
    QByteArray runSqlcipherTool(const QString &path, const QByteArray &script)
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("sqlcipher"));
        if (tool.isEmpty())
            return {};
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(tool, {QStringLiteral("-batch"), path});
        if (!process.waitForStarted(10000))
            return {};
        process.write(script);
        process.closeWriteChannel();
        process.waitForFinished(30000);
        return process.readAll();
    }

    static QByteArray keyPragmas(const QByteArray &rawKey)
    {
        return "PRAGMA key = \"x'" + rawKey.toHex() + "'\";\nPRAGMA cipher_page_size = 4096;\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        crypto::initialise();
    }

    //
    void providerIsTheLibgcryptOneForBothCiphers()
    {
        for (PageCipher cipher : {PageCipher::Sm4Cbc, PageCipher::Aes256Cbc}) {
            auto db = openDb(QStringLiteral("provider-%1.db").arg(int(cipher)), cipher);
            QVERIFY(db);
            auto name = db->queryOne(QStringLiteral("PRAGMA cipher_provider"));
            QVERIFY2(name.ok(), why(name).constData());
            QCOMPARE((*name)->value(0).toString(), kProviderName);
            auto version = db->queryOne(QStringLiteral("PRAGMA cipher_provider_version"));
            QVERIFY2(version.ok(), why(version).constData());
            QVERIFY2((*version)->value(0).toString().contains(QLatin1String(gcry_check_version(nullptr))),
                     qPrintable((*version)->value(0).toString()));
            auto active = db->queryOne(QStringLiteral("PRAGMA cipher"));
            QCOMPARE((*active)->value(0).toString(), pageCipherName(cipher));
        }
    }

    // SQLCipher 3.4.1 frees the registered provider when its last codec user goes away; the
    // next connection would silently fall back to OpenSSL (and HMAC-SHA1) without the pin.
    //
    void providerStaysRegisteredAfterEveryDatabaseWasClosed()
    {
        {
            auto first = openDb(QStringLiteral("first.db"), PageCipher::Sm4Cbc);
            QVERIFY(first);
        }
        auto second = openDb(QStringLiteral("second.db"), PageCipher::Sm4Cbc);
        QVERIFY(second);
        QCOMPARE(second->queryOne(QStringLiteral("PRAGMA cipher_provider"))->value().value(0).toString(),
                 kProviderName);
    }

    //
    void sm4PagesDecryptIndependentlyWithSm4Cbc()
    {
        const int markerPage = createMarkerDatabase(QStringLiteral("sm4-pages.db"), PageCipher::Sm4Cbc);
        QVERIFY(markerPage > 1);
        const QByteArray file = readAll(dbPath(QStringLiteral("sm4-pages.db")));
        QVERIFY(file.size() >= markerPage * kPageSize);
        QVERIFY(!file.contains(kMarker.toUtf8()));
        const QByteArray pageKey = sm4PageKey(m_key);

        // Page 1: the SQLite header from byte 16 on comes back (page size, WAL format, reserve).
        const Page first = pageOf(file, 1);
        const QByteArray header = sm4CbcDecrypt(pageKey, first.iv, first.cipherText);
        QCOMPARE(header.size(), kPageSize - kReserve - kSaltSize);
        QCOMPARE(qFromBigEndian<quint16>(header.constData()), quint16(kPageSize));
        QCOMPARE(int(quint8(header.at(2))), 2); // write version: WAL
        QCOMPARE(int(quint8(header.at(4))), kReserve);
        QCOMPARE(header.mid(5, 3), QByteArray("\x40\x20\x20", 3)); // payload fractions

        // The marker table's page: a table leaf holding the marker text.
        const Page marker = pageOf(file, markerPage);
        const QByteArray plain = sm4CbcDecrypt(pageKey, marker.iv, marker.cipherText);
        QCOMPARE(int(quint8(plain.at(0))), 0x0d);
        QVERIFY(plain.contains(kMarker.toUtf8()));

        // Control: the same bytes with another key, or the 32-byte database key cut to 16, do not.
        QVERIFY(!sm4CbcDecrypt(m_key.view().toByteArray().left(16), marker.iv, marker.cipherText)
                     .contains(kMarker.toUtf8()));
    }

    //
    void sm4PageTagIsHmacSm3OverCiphertextIvAndPageNumber()
    {
        const int markerPage = createMarkerDatabase(QStringLiteral("sm4-hmac.db"), PageCipher::Sm4Cbc);
        QVERIFY(markerPage > 1);
        const QByteArray file = readAll(dbPath(QStringLiteral("sm4-hmac.db")));
        const QByteArray salt = file.left(kSaltSize);
        const QByteArray pageKey = sm4PageKey(m_key);
        const int pages = int(file.size() / kPageSize);
        QVERIFY(pages >= markerPage);
        for (int number = 1; number <= pages; ++number) {
            const Page page = pageOf(file, number);
            QCOMPARE(page.tag.size(), 32); // HMAC-SM3 fills the reserve after the IV
            const QByteArray expected = expectedTag(GCRY_MD_SM3, pageKey, salt, page);
            QCOMPARE(hex(page.tag), hex(expected));
            // What SQLCipher's OpenSSL provider would have written: HMAC-SHA1 with a PBKDF2-SHA1 key.
            QVERIFY(page.tag.left(20) != expectedTag(GCRY_MD_SHA1, pageKey, salt, page));
        }
        // The page number is bound: the marker page's tag does not verify as another page.
        Page moved = pageOf(file, markerPage);
        moved.number = markerPage + 1;
        QVERIFY(expectedTag(GCRY_MD_SM3, pageKey, salt, moved) != moved.tag);
    }

    void flippedByteInAnSm4PageIsRejected_data()
    {
        QTest::addColumn<int>("offsetInPage");
        QTest::newRow("ciphertext") << 200;
        QTest::newRow("iv") << kPageSize - kReserve + 3;
        QTest::newRow("hmac") << kPageSize - kReserve + kIvSize + 7;
    }

    //
    void flippedByteInAnSm4PageIsRejected()
    {
        QFETCH(int, offsetInPage);
        const QString name = QStringLiteral("flip-%1.db").arg(offsetInPage);
        const int markerPage = createMarkerDatabase(name, PageCipher::Sm4Cbc);
        QVERIFY(markerPage > 1);
        {
            // Control: untouched, the row reads back.
            auto db = openDb(name, PageCipher::Sm4Cbc, false);
            QVERIFY(db);
            auto row = db->queryOne(QStringLiteral("SELECT t FROM markers"));
            QVERIFY2(row.ok(), why(row).constData());
            QCOMPARE((*row)->value(0).toString(), kMarker);
        }
        QByteArray file = readAll(dbPath(name));
        const qsizetype offset = qsizetype(markerPage - 1) * kPageSize + offsetInPage;
        file[offset] = char(file[offset] ^ 0x20);
        QVERIFY(writeAll(dbPath(name), file));

        auto db = openDb(name, PageCipher::Sm4Cbc, false);
        QVERIFY(db);
        auto row = db->queryOne(QStringLiteral("SELECT t FROM markers"));
        QVERIFY(!row.ok());
        auto check = db->checkIntegrity();
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, Error::Code::Corrupt);
    }

    // AES pages keep stock SQLCipher 3.x's format (AES-256-CBC, HMAC-SHA1, PBKDF2-SHA1), in both
    // directions.
    void aesDatabaseIsReadByTheStockSqlcipherToolAndBack()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("sqlcipher")).isEmpty())
            QSKIP("the sqlcipher shell (Debian package sqlcipher) is not installed");
        const QByteArray rawKey = m_key.view().toByteArray(); // AES takes the 32-byte key as is
        QVERIFY(createMarkerDatabase(QStringLiteral("aes-tool.db"), PageCipher::Aes256Cbc) > 1);
        const QByteArray out = runSqlcipherTool(dbPath(QStringLiteral("aes-tool.db")),
                                                keyPragmas(rawKey) + "SELECT t FROM markers;\n");
        QVERIFY2(out.contains(kMarker.toUtf8()), out.constData());

        const QString byTool = dbPath(QStringLiteral("by-tool.db"));
        const QByteArray created =
            runSqlcipherTool(byTool, keyPragmas(rawKey) +
                                         "CREATE TABLE markers (id INTEGER PRIMARY KEY, t TEXT);\n"
                                         "INSERT INTO markers (t) VALUES ('" +
                                         kMarker.toUtf8() + "');\n");
        QVERIFY2(QFile::exists(byTool), created.constData());
        auto db = openDb(QStringLiteral("by-tool.db"), PageCipher::Aes256Cbc, false);
        QVERIFY(db);
        auto row = db->queryOne(QStringLiteral("SELECT t FROM markers"));
        QVERIFY2(row.ok(), why(row).constData());
        QCOMPARE((*row)->value(0).toString(), kMarker);
    }

    // The stock tool's SM4 pages carry HMAC-SHA1, ours HMAC-SM3: with the right page key and
    // cipher it still refuses our file.
    void sm4DatabaseIsNotReadableWithStockSha1Authentication()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("sqlcipher")).isEmpty())
            QSKIP("the sqlcipher shell (Debian package sqlcipher) is not installed");
        QVERIFY(createMarkerDatabase(QStringLiteral("sm4-tool.db"), PageCipher::Sm4Cbc) > 1);
        const QByteArray out =
            runSqlcipherTool(dbPath(QStringLiteral("sm4-tool.db")),
                             "PRAGMA key = \"x'" + sm4PageKey(m_key).toHex() +
                                 "'\";\nPRAGMA cipher = 'sm4-cbc';\nPRAGMA cipher_page_size = 4096;\n"
                                 "SELECT t FROM markers;\n");
        QVERIFY2(!out.contains(kMarker.toUtf8()), out.constData());
        QVERIFY2(out.contains("not a database"), out.constData());
    }
};

QTEST_GUILESS_MAIN(tst_SqlCipherProvider)
#include "tst_SqlCipherProvider.moc"
