#include "mdp/crypto/Random.h"
#include "mdp/store/Vault.h"

#include <QtTest>

using namespace mdp;
using namespace mdp::store;

namespace {

constexpr int kChunk = 64 * 1024;
constexpr int kHeader = 24;
constexpr int kRecordOverhead = 12 + 16;
const QString kMarker = QStringLiteral("MARKER-Li-Si-李四-0815");

template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

QByteArray utf16le(const QString &text)
{
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

// Synthetic content in which the marker appears in UTF-8 and UTF-16 in every chunk.
QByteArray markedContent(qsizetype size)
{
    QByteArray out;
    out.reserve(size);
    const QByteArray unit = kMarker.toUtf8() + utf16le(kMarker) + QByteArray(3000, 'p');
    while (out.size() < size)
        out += unit;
    out.truncate(size);
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QStringList allFiles(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

class tst_Vault : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SecureBytes m_key = crypto::randomKey(32);

    std::unique_ptr<Vault> openVault(const QString &name,
                                     crypto::AeadCipher cipher = crypto::AeadCipher::Sm4Gcm,
                                     const SecureBytes *key = nullptr)
    {
        Vault::Options options;
        options.directory = m_dir.filePath(name);
        options.dataKey = key ? *key : m_key;
        options.cipher = cipher;
        options.create = true;
        auto vault = Vault::open(std::move(options));
        if (!vault) {
            qWarning() << vault.error().toString();
            return nullptr;
        }
        return std::move(*vault);
    }

    QString blobPath(const Vault &vault, const QString &id) const
    {
        return vault.directory() + u'/' + id.left(2) + u'/' + id + QStringLiteral(".blob");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip_data()
    {
        QTest::addColumn<int>("cipher");
        QTest::addColumn<int>("size");
        for (auto cipher : {crypto::AeadCipher::Sm4Gcm, crypto::AeadCipher::Aes256Gcm}) {
            const QByteArray name = crypto::cipherName(cipher).toLatin1();
            QTest::newRow(name + " empty") << int(cipher) << 0;
            QTest::newRow(name + " small") << int(cipher) << 1000;
            QTest::newRow(name + " one chunk") << int(cipher) << kChunk;
            QTest::newRow(name + " multi chunk") << int(cipher) << 3 * kChunk + 4321;
        }
    }

    //
    void roundTrip()
    {
        QFETCH(int, cipher);
        QFETCH(int, size);
        auto vault = openVault(QStringLiteral("roundtrip"), crypto::AeadCipher(cipher));
        QVERIFY(vault);
        const QByteArray data = markedContent(size);
        auto id = vault->put(data);
        QVERIFY2(id.ok(), why(id).constData());
        QVERIFY(Vault::isValidId(*id));
        QVERIFY(vault->contains(*id));
        QCOMPARE(vault->plaintextSize(*id).value(), qint64(size));
        auto back = vault->get(*id);
        QVERIFY2(back.ok(), why(back).constData());
        QCOMPARE(*back, data);
        QCOMPARE(QFileInfo(blobPath(*vault, *id)).size(),
                 kHeader + qMax<qint64>(1, (size + kChunk - 1) / kChunk) * kRecordOverhead + size);
    }

    void streamingReadEqualsTheData()
    {
        auto vault = openVault(QStringLiteral("stream"));
        QVERIFY(vault);
        const QByteArray data = markedContent(5 * kChunk + 17);
        const QString id = vault->put(data).value();
        auto device = vault->openRead(id);
        QVERIFY2(device.ok(), why(device).constData());
        QIODevice &in = **device;
        QVERIFY(in.isSequential());
        QVERIFY(in.isReadable());
        QByteArray collected;
        char buf[7000]; // not a divisor of the chunk size: reads straddle chunk boundaries
        for (;;) {
            const qint64 n = in.read(buf, sizeof buf);
            QVERIFY(n >= 0);
            if (n == 0)
                break;
            collected.append(buf, n);
        }
        QCOMPARE(collected, data);
        QVERIFY(in.atEnd());
    }

    void streamingPutFromSeekableDevice()
    {
        auto vault = openVault(QStringLiteral("streamput"));
        QVERIFY(vault);
        const QByteArray data = markedContent(2 * kChunk + 99);
        QTemporaryFile source(m_dir.filePath(QStringLiteral("source-XXXXXX")));
        QVERIFY(source.open());
        source.write(QByteArray("prefix-not-stored"));
        const qint64 start = source.pos();
        source.write(data);
        QVERIFY(source.seek(start));
        auto id = vault->put(source);
        QVERIFY2(id.ok(), why(id).constData());
        QCOMPARE(*id, vault->put(data).value()); // same content, same id, from either API
        QCOMPARE(vault->get(*id).value(), data);
    }

    void sequentialSourceIsRefused()
    {
        auto vault = openVault(QStringLiteral("sequential"));
        QVERIFY(vault);
        // A read channel that cannot rewind: the id pass would consume it.
        class Pipe final : public QIODevice
        {
        public:
            bool isSequential() const override { return true; }

        protected:
            qint64 readData(char *, qint64) override { return 0; }
            qint64 writeData(const char *, qint64) override { return -1; }
        } pipe;
        QVERIFY(pipe.open(QIODevice::ReadOnly));
        auto refused = vault->put(pipe);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::InvalidArgument);
    }

    // R-6.4.4c
    void blobFileHoldsNoPlaintext_data()
    {
        QTest::addColumn<int>("cipher");
        QTest::newRow("sm4-gcm") << int(crypto::AeadCipher::Sm4Gcm);
        QTest::newRow("aes-256-gcm") << int(crypto::AeadCipher::Aes256Gcm);
    }

    void blobFileHoldsNoPlaintext()
    {
        QFETCH(int, cipher);
        auto vault = openVault(QStringLiteral("marker-%1").arg(cipher), crypto::AeadCipher(cipher));
        QVERIFY(vault);
        const QByteArray data = markedContent(2 * kChunk + 5);
        QVERIFY(data.contains(kMarker.toUtf8()) && data.contains(utf16le(kMarker))); // the probe can succeed
        const QString id = vault->put(data).value();
        const QByteArray raw = readFile(blobPath(*vault, id));
        QVERIFY(raw.size() > data.size());
        QVERIFY(!raw.contains(kMarker.toUtf8()));
        QVERIFY(!raw.contains(utf16le(kMarker)));
        QVERIFY(!raw.contains(QByteArray(64, 'p')));
    }

    void sameContentGivesSameIdAndPutIsNoOp()
    {
        auto vault = openVault(QStringLiteral("dedup"));
        QVERIFY(vault);
        const QByteArray data = markedContent(10'000);
        const QString first = vault->put(data).value();
        const QString path = blobPath(*vault, first);
        const QByteArray stored = readFile(path);
        const QString second = vault->put(data).value();
        QCOMPARE(second, first);
        QCOMPARE(readFile(path), stored); // not rewritten: random nonces would have changed it
        QCOMPARE(vault->list(), QStringList{first});
        QVERIFY(vault->put(data + "x").value() != first);

        // The id is keyed: another vault key gives another id for the same content.
        const SecureBytes otherKey = crypto::randomKey(32);
        auto other = openVault(QStringLiteral("dedup-other"), crypto::AeadCipher::Sm4Gcm, &otherKey);
        QVERIFY(other);
        QVERIFY(other->put(data).value() != first);
    }

    // Issue 9: de-duplication verifies the blob already at the name before trusting it. A file put
    // there (another blob's, or a truncated copy) is replaced by the content, not taken for it.
    void deduplicationVerifiesWhatIsAlreadyThere()
    {
        auto vault = openVault(QStringLiteral("dedup-verify"));
        QVERIFY(vault);
        const QByteArray data = markedContent(200'000);
        const QString other = vault->put(markedContent(7000)).value();
        const QString id = vault->put(data).value();
        const QString path = blobPath(*vault, id);
        for (int attempt = 0; attempt < 2; ++attempt) {
            QVERIFY(QFile::remove(path));
            if (attempt == 0) {
                QVERIFY(QFile::copy(blobPath(*vault, other), path));
            } else {
                const QByteArray whole = readFile(blobPath(*vault, other));
                QFile cut(path);
                QVERIFY(cut.open(QIODevice::WriteOnly));
                cut.write(whole.left(whole.size() / 2));
            }
            QVERIFY(!vault->get(id).ok());
            QCOMPARE(vault->put(data).value(), id);
            auto got = vault->get(id);
            QVERIFY(got.ok());
            QCOMPARE(got.value(), data);
        }
    }

    // R-6.4.4c
    void noFileButTheBlobAppearsInTheVault()
    {
        auto vault = openVault(QStringLiteral("clean"));
        QVERIFY(vault);
        const QString a = vault->put(markedContent(3 * kChunk)).value();
        const QString b = vault->put(markedContent(100)).value();
        QStringList expected = {a.left(2) + u'/' + a + QStringLiteral(".blob"),
                                b.left(2) + u'/' + b + QStringLiteral(".blob")};
        expected.sort();
        QCOMPARE(allFiles(vault->directory()), expected);
        QStringList ids = {a, b};
        ids.sort();
        QCOMPARE(vault->list(), ids);
        QCOMPARE(QFileInfo(blobPath(*vault, a)).permissions() &
                     (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    //
    void flippedByteInAnyChunkIsRefused()
    {
        auto vault = openVault(QStringLiteral("flip"));
        QVERIFY(vault);
        const QByteArray data = markedContent(3 * kChunk + 1000);
        const QString id = vault->put(data).value();
        const QString path = blobPath(*vault, id);
        const QByteArray pristine = readFile(path);
        const qint64 record = kChunk + kRecordOverhead;
        // Nonce, body and tag of each chunk, and the header's size and cipher fields.
        QList<qint64> offsets = {9, 20};
        for (int chunk = 0; chunk < 4; ++chunk) {
            const qint64 base = kHeader + chunk * record;
            offsets << base + 3 << base + 12 + 500 << qMin<qint64>(base + record - 1, pristine.size() - 1);
        }
        for (qint64 offset : std::as_const(offsets)) {
            QByteArray bad = pristine;
            bad[offset] = char(bad[offset] ^ 0x20);
            QVERIFY(writeFile(path, bad));
            auto got = vault->get(id);
            QVERIFY2(!got.ok(), qPrintable(QStringLiteral("offset %1 accepted").arg(offset)));
            QVERIFY2(got.error().code == Error::Code::Tampered || got.error().code == Error::Code::Corrupt,
                     why(got).constData());
            QVERIFY(!got.error().message.isEmpty());
        }
        QVERIFY(writeFile(path, pristine));
        QCOMPARE(vault->get(id).value(), data);
    }

    void flippedByteSurfacesAsReadErrorWhenStreaming()
    {
        auto vault = openVault(QStringLiteral("flipstream"));
        QVERIFY(vault);
        const QByteArray data = markedContent(3 * kChunk);
        const QString id = vault->put(data).value();
        const QString path = blobPath(*vault, id);
        QByteArray bad = readFile(path);
        const qint64 secondChunkBody = kHeader + (kChunk + kRecordOverhead) + 12 + 10;
        bad[secondChunkBody] = char(bad[secondChunkBody] ^ 1);
        QVERIFY(writeFile(path, bad));
        auto device = vault->openRead(id);
        QVERIFY(device.ok());
        QByteArray first((*device)->read(kChunk));
        QCOMPARE(first, data.left(kChunk)); // the intact chunk is delivered
        char buf[100];
        QCOMPARE((*device)->read(buf, sizeof buf), qint64(-1));
        QVERIFY((*device)->errorString().contains(u"failed authentication"));
    }

    //
    void swappedChunksAreRefused()
    {
        auto vault = openVault(QStringLiteral("swap"));
        QVERIFY(vault);
        const QByteArray data = markedContent(3 * kChunk);
        const QString id = vault->put(data).value();
        const QString path = blobPath(*vault, id);
        const QByteArray pristine = readFile(path);
        const qint64 record = kChunk + kRecordOverhead;
        QByteArray swapped = pristine;
        swapped.replace(kHeader, record, pristine.mid(kHeader + record, record));
        swapped.replace(kHeader + record, record, pristine.mid(kHeader, record));
        QCOMPARE(swapped.size(), pristine.size());
        QVERIFY(writeFile(path, swapped));
        auto got = vault->get(id);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, Error::Code::Tampered);

        // A chunk taken from another blob of the same shape is refused as well.
        const QString otherId = vault->put(markedContent(3 * kChunk).replace(0, 1, "Q")).value();
        QByteArray mixed = pristine;
        mixed.replace(kHeader, record, readFile(blobPath(*vault, otherId)).mid(kHeader, record));
        QVERIFY(writeFile(path, mixed));
        got = vault->get(id);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, Error::Code::Tampered);
    }

    //
    void truncatedBlobIsRefused()
    {
        auto vault = openVault(QStringLiteral("truncate"));
        QVERIFY(vault);
        const QByteArray data = markedContent(3 * kChunk);
        const QString id = vault->put(data).value();
        const QString path = blobPath(*vault, id);
        const QByteArray pristine = readFile(path);
        const qint64 record = kChunk + kRecordOverhead;

        // Cut at a chunk boundary: the header still claims three chunks.
        QVERIFY(writeFile(path, pristine.left(kHeader + 2 * record)));
        auto got = vault->get(id);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, Error::Code::Corrupt);
        QVERIFY(got.error().message.contains(u"truncated"));

        // Cut and the header's size field rewritten to match: the header is authenticated.
        QByteArray forged = pristine.left(kHeader + 2 * record);
        qToBigEndian<quint64>(quint64(2 * kChunk), forged.data() + 16);
        QVERIFY(writeFile(path, forged));
        got = vault->get(id);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, Error::Code::Tampered);

        QVERIFY(writeFile(path, pristine.left(10)));
        QVERIFY(!vault->get(id).ok());
        QVERIFY(!vault->openRead(id).ok());
    }

    //
    void blobRenamedToAnotherIdIsRefused()
    {
        auto vault = openVault(QStringLiteral("rename"));
        QVERIFY(vault);
        const QString a = vault->put(markedContent(5000)).value();
        const QString b = vault->put(markedContent(6000)).value();
        // Replace b's file with a's: the name no longer matches the id sealed into the chunks.
        QVERIFY(QFile::remove(blobPath(*vault, b)));
        QVERIFY(QFile::copy(blobPath(*vault, a), blobPath(*vault, b)));
        auto got = vault->get(b);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, Error::Code::Tampered);
        QVERIFY(vault->get(a).ok());
    }

    //
    void wrongKeyIsRefused()
    {
        const QByteArray data = markedContent(2 * kChunk);
        QString id;
        {
            auto vault = openVault(QStringLiteral("keyed"));
            QVERIFY(vault);
            id = vault->put(data).value();
        }
        const SecureBytes otherKey = crypto::randomKey(32);
        auto wrong = openVault(QStringLiteral("keyed"), crypto::AeadCipher::Sm4Gcm, &otherKey);
        QVERIFY(wrong);
        QVERIFY(wrong->contains(id));
        auto got = wrong->get(id);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, Error::Code::Tampered);
        QVERIFY(got.error().message.contains(u"key"));
    }

    void blobsWrittenWithEitherCipherStayReadable()
    {
        const QByteArray data = markedContent(kChunk + 3);
        QString id;
        {
            auto aes = openVault(QStringLiteral("mixed"), crypto::AeadCipher::Aes256Gcm);
            QVERIFY(aes);
            id = aes->put(data).value();
        }
        auto sm4 = openVault(QStringLiteral("mixed"), crypto::AeadCipher::Sm4Gcm);
        QVERIFY(sm4);
        QCOMPARE(sm4->get(id).value(), data); // the header names the cipher of each blob
    }

    // R-7.4.3 (issue 9 part 6): renewing the vault key re-encrypts every blob in place; its id stays,
    // the old key no longer opens it, and a vault of only the old key (an old keyring's) reads nothing.
    void renewedBlobsKeepTheirIdsAndNoLongerOpenWithTheOldKey()
    {
        const QByteArray first = markedContent(3 * kChunk + 17);
        const QByteArray second = markedContent(100);
        QString a, b;
        {
            auto vault = openVault(QStringLiteral("renew"));
            QVERIFY(vault);
            a = vault->put(first).value();
            b = vault->put(second).value();
        }
        const SecureBytes newKey = crypto::randomKey(32);
        Vault::Options options;
        options.directory = m_dir.filePath(QStringLiteral("renew"));
        options.dataKey = newKey;
        options.keyGeneration = 2;
        options.earlierKeys.insert(1, m_key);
        auto renewed = Vault::open(std::move(options));
        QVERIFY2(renewed.ok(), why(renewed));
        Vault &vault = *renewed.value();
        QCOMPARE(vault.keyGenerationOf(a).value(), 1);
        QCOMPARE(vault.get(a).value(), first); // both keys read while the renewal runs
        const QByteArray before = readFile(blobPath(vault, a));
        auto done = vault.renew(a);
        QVERIFY2(done.ok(), why(done));
        QVERIFY(done.value());
        QCOMPARE(vault.keyGenerationOf(a).value(), 2);
        QVERIFY(readFile(blobPath(vault, a)) != before);
        QCOMPARE(vault.renew(a).value(), false); // already under the current key
        // A new put of the same content is the same blob (the id key did not change).
        QCOMPARE(vault.put(first).value(), a);
        QVERIFY(vault.renew(b).value());
        vault.forgetKey(1);
        QCOMPARE(vault.get(a).value(), first);
        QCOMPARE(vault.get(b).value(), second);
        QVERIFY(!readFile(blobPath(vault, a)).contains(kMarker.toUtf8()));

        // The old key alone: the ids are its own, the blobs no longer open.
        auto old = openVault(QStringLiteral("renew"));
        QVERIFY(old);
        auto got = old->get(a);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, Error::Code::WrongPassphrase);
        // The new key without the id key cannot name new blobs consistently: refused.
        Vault::Options noId;
        noId.directory = m_dir.filePath(QStringLiteral("renew"));
        noId.dataKey = newKey;
        noId.keyGeneration = 2;
        QCOMPARE(Vault::open(std::move(noId)).error().code, Error::Code::InvalidArgument);
        // With the id key kept apart, the renewed vault works without the first key at all.
        Vault::Options kept;
        kept.directory = m_dir.filePath(QStringLiteral("renew"));
        kept.dataKey = newKey;
        kept.keyGeneration = 2;
        kept.idKey = Vault::idKeyOf(m_key);
        auto later = Vault::open(std::move(kept));
        QVERIFY2(later.ok(), why(later));
        QCOMPARE(later.value()->get(b).value(), second);
        QCOMPARE(later.value()->put(second).value(), b);
    }

    // A blob altered on disk is not renewed into a valid one: the renewal checks it decrypts whole.
    void aDamagedBlobIsNotRenewed()
    {
        QString id;
        {
            auto vault = openVault(QStringLiteral("renew-damaged"));
            QVERIFY(vault);
            id = vault->put(markedContent(2 * kChunk)).value();
        }
        Vault::Options options;
        options.directory = m_dir.filePath(QStringLiteral("renew-damaged"));
        options.dataKey = crypto::randomKey(32);
        options.keyGeneration = 2;
        options.earlierKeys.insert(1, m_key);
        auto vault = Vault::open(std::move(options)).value();
        QByteArray bytes = readFile(blobPath(*vault, id));
        bytes[kHeader + kChunk + kRecordOverhead + 40] ^= 0x01; // in the second chunk
        QVERIFY(writeFile(blobPath(*vault, id), bytes));
        auto renewed = vault->renew(id);
        QVERIFY(!renewed.ok());
        QCOMPARE(renewed.error().code, Error::Code::Tampered);
        QCOMPARE(vault->keyGenerationOf(id).value(), 1);
        QCOMPARE(readFile(blobPath(*vault, id)), bytes); // left as it was, for the evidence
    }

    void removeErasesTheBlob()
    {
        auto vault = openVault(QStringLiteral("remove"));
        QVERIFY(vault);
        const QString id = vault->put(markedContent(100'000)).value();
        QVERIFY(vault->remove(id).ok());
        QVERIFY(!vault->contains(id));
        QVERIFY(vault->list().isEmpty());
        auto again = vault->remove(id);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, Error::Code::NotFound);
        auto missing = vault->get(id);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QCOMPARE(vault->get(QStringLiteral("../../etc/passwd")).error().code, Error::Code::InvalidArgument);
    }

    void incompleteWritesAreInvisibleAndCleanedUp()
    {
        auto vault = openVault(QStringLiteral("partial"));
        QVERIFY(vault);
        const QString id = vault->put(markedContent(1000)).value();
        // What a writer killed mid-put leaves behind: a hidden temporary file, never the real name.
        const QString leftover = vault->directory() + u'/' + id.left(2) + QStringLiteral("/.") + id +
                                 QStringLiteral(".0011223344556677.partial");
        QVERIFY(writeFile(leftover, QByteArray(100, 'c')));
        QCOMPARE(vault->list(), QStringList{id});
        QCOMPARE(vault->removeIncompleteWrites(), 1);
        QVERIFY(!QFile::exists(leftover));
        QVERIFY(vault->get(id).ok());
    }
};

QTEST_GUILESS_MAIN(tst_Vault)
#include "tst_Vault.moc"
