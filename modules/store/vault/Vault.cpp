#include "mdp/store/Vault.h"

#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include "BlobFormat.h"
#include "BlobReader.h"
#include "StoreLogging.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>

#include <map>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace mdp::store {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerOnlyDir = kOwnerOnly | QFileDevice::ExeOwner;
const QString kBlobSuffix = QStringLiteral(".blob");
const QString kPartialSuffix = QStringLiteral(".partial");

// Makes a rename or unlink durable: the entry lives in the directory, not in the file.
void syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool syncFile(QFile &file)
{
    return file.flush() && ::fsync(file.handle()) == 0;
}

bool ensureOwnerOnlyDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, kOwnerOnlyDir);
}

// Reads exactly `size` bytes unless the device ends first.
qint64 readFully(QIODevice &source, char *out, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = source.read(out + done, size - done);
        if (n <= 0)
            break;
        done += n;
    }
    return done;
}

} // namespace

struct Vault::Impl
{
    QString directory;
    crypto::AeadCipher cipher = crypto::AeadCipher::Sm4Gcm;
    int chunkSize = 64 * 1024;
    SecureBytes macKey;
    struct CipherKeys
    {
        SecureBytes sm4Key;
        SecureBytes aesKey;
    };
    std::map<int, CipherKeys> keys;     // by key generation
    int generation = 1;                 // what new blobs are sealed under
    std::optional<crypto::Aead> writer; // for `cipher` and `generation`, kept for its key schedule

    // Separate keys per purpose and per cipher, so the id MAC and the two ciphers never share
    // key material (a key is not reused across algorithms even if the default changes).
    static SecureBytes derivedIdKey(const SecureBytes &dataKey)
    {
        return crypto::hkdf(crypto::HashAlgorithm::Sm3, dataKey.view(), {},
                            QByteArrayView("mdp/store/vault/v1/id-mac"), 32);
    }

    static CipherKeys cipherKeys(const SecureBytes &dataKey)
    {
        using crypto::HashAlgorithm;
        return {crypto::hkdf(HashAlgorithm::Sm3, dataKey.view(), {},
                             QByteArrayView("mdp/store/vault/v1/enc/sm4-gcm"), 32),
                crypto::hkdf(HashAlgorithm::Sm3, dataKey.view(), {},
                             QByteArrayView("mdp/store/vault/v1/enc/aes-256-gcm"), 32)};
    }

    Result<crypto::Aead> aeadFor(crypto::AeadCipher c, int keyGeneration) const
    {
        auto found = keys.find(keyGeneration);
        if (found == keys.end())
            return makeError(Error::Code::WrongPassphrase,
                             QStringLiteral("the blob is sealed under generation %1 of the vault key, which "
                                            "this vault does not hold")
                                 .arg(keyGeneration));
        return crypto::Aead::create(c, c == crypto::AeadCipher::Sm4Gcm ? found->second.sm4Key
                                                                       : found->second.aesKey);
    }

    Result<void> useGeneration(int keyGeneration, const SecureBytes &dataKey)
    {
        if (dataKey.size() != 32 || keyGeneration < 1 || keyGeneration > 0xffff)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a vault key is 32 bytes, its generation 1 to 65535"));
        keys[keyGeneration] = cipherKeys(dataKey);
        auto w = aeadFor(cipher, keyGeneration);
        if (!w)
            return w.error();
        writer.emplace(std::move(*w));
        generation = keyGeneration;
        return {};
    }

    QString folderFor(const QString &id) const { return directory + u'/' + id.left(2); }
    QString pathFor(const QString &id) const { return folderFor(id) + u'/' + id + kBlobSuffix; }

    Result<void> checkId(const QString &id) const
    {
        if (!Vault::isValidId(id))
            return makeError(Error::Code::InvalidArgument, QStringLiteral("not a vault blob id"));
        return {};
    }

    QString idOf(const QByteArray &mac) const { return QString::fromLatin1(mac.toHex()); }

    // Second pass of a put: encrypts `size` bytes from `source` into a temporary file beside the
    // final name, re-MACs what it reads and refuses if that no longer matches `id` (the source
    // changed since the first pass), then fsyncs and renames into place.
    Result<void> write(const QString &id, QIODevice &source, qint64 size)
    {
        const QString folder = folderFor(id);
        if (!ensureOwnerOnlyDir(folder))
            return makeError(Error::Code::Io, QStringLiteral("cannot create vault folder %1").arg(folder));
        const QString finalPath = pathFor(id);
        const QString tempPath = folder + QStringLiteral("/.") + id + u'.' +
                                 QString::fromLatin1(crypto::randomBytes(8).toHex()) + kPartialSuffix;

        detail::BlobHeader header;
        header.cipher = cipher;
        header.chunkSize = quint32(chunkSize);
        header.plaintextSize = quint64(size);
        header.keyGeneration = quint16(generation);
        const QByteArray encodedHeader = header.encode();

        QFile temp(tempPath);
        if (!temp.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot create a file in the vault: %1").arg(temp.errorString()));
        temp.setPermissions(kOwnerOnly);
        auto discard = qScopeGuard([&] {
            temp.close();
            QFile::remove(tempPath); // holds ciphertext only
        });
        if (temp.write(encodedHeader) != encodedHeader.size())
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot write to the vault: %1").arg(temp.errorString()));

        crypto::Hmac recheck(crypto::HashAlgorithm::Sm3, macKey.view());
        const qint64 count = header.chunkCount();
        QByteArray record(chunkSize + detail::BlobHeader::kChunkOverhead, Qt::Uninitialized);
        auto wipe = qScopeGuard([&] { secureZero(record); });
        for (qint64 index = 0; index < count; ++index) {
            const qint64 plainSize = header.chunkPlaintextSize(index);
            char *nonce = record.data();
            char *body = nonce + crypto::kNonceLength;
            if (readFully(source, body, plainSize) != plainSize)
                return makeError(Error::Code::Conflict,
                                 QStringLiteral("the source changed while it was being stored"));
            recheck.addData(QByteArrayView(body, plainSize));
            const QByteArray freshNonce = crypto::randomBytes(crypto::kNonceLength);
            std::memcpy(nonce, freshNonce.constData(), crypto::kNonceLength);
            auto sealed =
                writer->sealInPlace(QByteArrayView(nonce, crypto::kNonceLength),
                                    detail::chunkAssociatedData(encodedHeader, id, index, index == count - 1),
                                    body, plainSize, body + plainSize);
            if (!sealed)
                return sealed.error();
            const qint64 recordSize = plainSize + detail::BlobHeader::kChunkOverhead;
            if (temp.write(record.constData(), recordSize) != recordSize)
                return makeError(Error::Code::Io,
                                 QStringLiteral("cannot write to the vault: %1").arg(temp.errorString()));
        }
        if (!crypto::constantTimeEquals(recheck.result(), QByteArray::fromHex(id.toLatin1())))
            return makeError(Error::Code::Conflict,
                             QStringLiteral("the source changed while it was being stored"));
        if (!syncFile(temp))
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot flush the vault file: %1").arg(temp.errorString()));
        temp.close();
        // rename(2) replaces atomically: a concurrent put of the same content wrote the same plaintext.
        if (::rename(QFile::encodeName(tempPath).constData(), QFile::encodeName(finalPath).constData()) != 0)
            return makeError(Error::Code::Io, QStringLiteral("cannot move the blob into place: %1")
                                                  .arg(QString::fromLocal8Bit(std::strerror(errno))));
        discard.dismiss();
        syncDirectory(folder);
        return {};
    }

    // Whether the blob already stored under `id` decrypts whole and its plaintext has that id: a
    // file planted at the name, damaged or cut short must not stand in for the content.
    bool intact(const QString &id) const
    {
        auto opened = reader(id);
        if (!opened)
            return false;
        crypto::Hmac check(crypto::HashAlgorithm::Sm3, macKey.view());
        QByteArray buffer(chunkSize, Qt::Uninitialized);
        auto wipe = qScopeGuard([&] { secureZero(buffer); });
        qint64 total = 0;
        for (qint64 n; (n = (*opened)->read(buffer.data(), buffer.size())) > 0; total += n)
            check.addData(QByteArrayView(buffer.constData(), n));
        return !(*opened)->failure() && total == (*opened)->plaintextSize() &&
               crypto::constantTimeEquals(check.result(), QByteArray::fromHex(id.toLatin1()));
    }

    Result<std::unique_ptr<detail::BlobReader>> reader(const QString &id) const
    {
        if (auto valid = checkId(id); !valid)
            return valid.error();
        return detail::BlobReader::open(pathFor(id), id,
                                        [this](crypto::AeadCipher c, int g) { return aeadFor(c, g); });
    }
};

Vault::Vault()
    : d(std::make_unique<Impl>())
{}

Vault::~Vault() = default;

bool Vault::isValidId(QStringView id)
{
    if (id.size() != 64)
        return false;
    for (QChar c : id) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

Result<std::unique_ptr<Vault>> Vault::open(Options options)
{
    if (options.dataKey.size() != 32)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the vault key must be 32 bytes"));
    if (options.chunkSize < 4096 || options.chunkSize > (1 << 24))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the vault chunk size must be 4 KiB to 16 MiB"));
    if (options.directory.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no vault directory given"));
    const QDir dir(options.directory);
    if (!dir.exists()) {
        if (!options.create)
            return makeError(Error::Code::NotFound, QStringLiteral("the vault directory does not exist"));
        if (!ensureOwnerOnlyDir(options.directory))
            return makeError(Error::Code::Io, QStringLiteral("cannot create the vault directory"));
    }
    std::unique_ptr<Vault> vault(new Vault());
    vault->d->directory = dir.absolutePath();
    vault->d->cipher = options.cipher;
    vault->d->chunkSize = options.chunkSize;
    for (auto it = options.earlierKeys.cbegin(); it != options.earlierKeys.cend(); ++it) {
        if (it.value().size() != 32 || it.key() < 1 || it.key() >= options.keyGeneration)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("an earlier vault key is 32 bytes of an earlier generation"));
        vault->d->keys[it.key()] = Impl::cipherKeys(it.value());
    }
    if (!options.idKey.isEmpty()) {
        if (options.idKey.size() != 32)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the vault id key must be 32 bytes"));
        vault->d->macKey = options.idKey;
    } else if (options.keyGeneration == 1) {
        vault->d->macKey = Impl::derivedIdKey(options.dataKey);
    } else if (options.earlierKeys.contains(1)) {
        vault->d->macKey = Impl::derivedIdKey(options.earlierKeys.value(1));
    } else {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a renewed vault key needs the id key its blobs are named with"));
    }
    if (auto used = vault->d->useGeneration(options.keyGeneration, options.dataKey); !used)
        return used.error();
    options.dataKey.clear();
    options.earlierKeys.clear();
    options.idKey.clear();
    return vault;
}

QString Vault::directory() const
{
    return d->directory;
}

crypto::AeadCipher Vault::cipher() const
{
    return d->cipher;
}

Result<QString> Vault::put(QByteArrayView data)
{
    // fromRawData: the caller's buffer is streamed as is, never copied.
    const QByteArray view = QByteArray::fromRawData(data.data(), data.size());
    QBuffer buffer;
    buffer.setData(view);
    buffer.open(QIODevice::ReadOnly);
    return put(buffer);
}

Result<QString> Vault::put(QIODevice &source)
{
    if (!source.isOpen() || !source.isReadable())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the source is not open for reading"));
    if (source.isSequential())
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("the source must be seekable: it is read twice (id, then encryption)"));
    const qint64 start = source.pos();

    crypto::Hmac mac(crypto::HashAlgorithm::Sm3, d->macKey.view());
    QByteArray buffer(d->chunkSize, Qt::Uninitialized);
    auto wipe = qScopeGuard([&] { secureZero(buffer); });
    qint64 size = 0;
    for (;;) {
        const qint64 n = source.read(buffer.data(), buffer.size());
        if (n < 0)
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot read the source: %1").arg(source.errorString()));
        if (n == 0)
            break;
        mac.addData(QByteArrayView(buffer.constData(), n));
        size += n;
    }
    const QString id = d->idOf(mac.result());
    if (contains(id)) {
        if (d->intact(id))
            return id;
        // Written again below; the rename replaces what was there.
        qCWarning(lcStore) << "a blob file did not hold its content; storing it again";
    }
    if (!source.seek(start))
        return makeError(Error::Code::Io, QStringLiteral("cannot rewind the source"));
    if (auto written = d->write(id, source, size); !written)
        return written.error();
    qCDebug(lcStore) << "stored a blob of" << size << "bytes";
    return id;
}

Result<QByteArray> Vault::get(const QString &id)
{
    auto reader = d->reader(id);
    if (!reader)
        return reader.error();
    QByteArray out((*reader)->plaintextSize(), Qt::Uninitialized);
    const qint64 n = readFully(**reader, out.data(), out.size());
    // Reading past the end authenticates an empty last chunk too.
    char probe;
    if ((*reader)->failure() || n != out.size() || (*reader)->read(&probe, 1) != 0) {
        secureZero(out);
        if (auto failure = (*reader)->failure())
            return *failure;
        return makeError(Error::Code::Corrupt, QStringLiteral("blob %1 ended early").arg(id));
    }
    return out;
}

Result<std::unique_ptr<QIODevice>> Vault::openRead(const QString &id)
{
    auto reader = d->reader(id);
    if (!reader)
        return reader.error();
    return std::unique_ptr<QIODevice>(std::move(*reader));
}

Result<qint64> Vault::plaintextSize(const QString &id)
{
    auto reader = d->reader(id);
    if (!reader)
        return reader.error();
    return (*reader)->plaintextSize();
}

SecureBytes Vault::idKeyOf(const SecureBytes &firstDataKey)
{
    return Impl::derivedIdKey(firstDataKey);
}

int Vault::keyGeneration() const
{
    return d->generation;
}

Result<void> Vault::useKey(int generation, const SecureBytes &dataKey)
{
    if (generation <= d->generation)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a vault key can only be renewed by a later generation"));
    return d->useGeneration(generation, dataKey);
}

void Vault::forgetKey(int generation)
{
    if (generation != d->generation)
        d->keys.erase(generation);
}

Result<int> Vault::keyGenerationOf(const QString &id)
{
    if (auto valid = d->checkId(id); !valid)
        return valid.error();
    QFile file(d->pathFor(id));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(file.exists() ? Error::Code::Io : Error::Code::NotFound,
                         QStringLiteral("cannot open blob %1: %2").arg(id, file.errorString()));
    auto header = detail::BlobHeader::decode(file.read(detail::BlobHeader::kSize));
    if (!header)
        return header.error();
    return int(header->keyGeneration);
}

Result<void> Vault::quarantine(const QString &id)
{
    if (auto valid = d->checkId(id); !valid)
        return valid;
    const QString from = d->pathFor(id);
    if (!QFileInfo::exists(from))
        return makeError(Error::Code::NotFound, QStringLiteral("no blob with id %1").arg(id));
    const QString folder = d->directory + QStringLiteral("/quarantine");
    if (!ensureOwnerOnlyDir(folder))
        return makeError(Error::Code::Io, QStringLiteral("cannot create the vault's quarantine folder"));
    const QString to = folder + u'/' + id + kBlobSuffix;
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return makeError(Error::Code::Io, QStringLiteral("cannot move blob %1 aside: %2")
                                              .arg(id, QString::fromLocal8Bit(std::strerror(errno))));
    syncDirectory(d->folderFor(id));
    syncDirectory(folder);
    return {};
}

Result<bool> Vault::renew(const QString &id)
{
    auto reader = d->reader(id);
    if (!reader)
        return reader.error();
    if ((*reader)->keyGeneration() == d->generation)
        return false;
    // write() re-MACs the plaintext as it reads and refuses unless it is the id's content, so a
    // blob that does not decrypt whole is never written back.
    if (auto written = d->write(id, **reader, (*reader)->plaintextSize()); !written) {
        if (auto failure = (*reader)->failure())
            return *failure;
        return written.error();
    }
    return true;
}

bool Vault::contains(const QString &id) const
{
    return isValidId(id) && QFileInfo::exists(d->pathFor(id));
}

Result<void> Vault::remove(const QString &id)
{
    if (auto valid = d->checkId(id); !valid)
        return valid;
    const QString path = d->pathFor(id);
    QFile file(path);
    if (!file.exists())
        return makeError(Error::Code::NotFound, QStringLiteral("no blob with id %1").arg(id));
    // Overwrite first, so the ciphertext does not outlive the entry on simple file systems
    // (a later key compromise then finds nothing to decrypt).
    if (!file.open(QIODevice::ReadWrite))
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot open blob %1 to erase it: %2").arg(id, file.errorString()));
    const QByteArray zeros(qMin<qint64>(file.size(), 1 << 20), '\0');
    for (qint64 left = file.size(); left > 0;) {
        const qint64 n = qMin<qint64>(left, zeros.size());
        if (file.write(zeros.constData(), n) != n)
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot erase blob %1: %2").arg(id, file.errorString()));
        left -= n;
    }
    syncFile(file);
    file.close();
    if (!QFile::remove(path))
        return makeError(Error::Code::Io, QStringLiteral("cannot delete blob %1").arg(id));
    syncDirectory(d->folderFor(id));
    return {};
}

QStringList Vault::list() const
{
    static const QRegularExpression twoHex(QStringLiteral("^[0-9a-f]{2}$"));
    QStringList ids;
    const QDir root(d->directory);
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &folder : folders) {
        if (!twoHex.match(folder).hasMatch())
            continue;
        const QStringList files =
            QDir(root.filePath(folder)).entryList({QStringLiteral("*.blob")}, QDir::Files);
        for (const QString &file : files) {
            const QString id = file.chopped(kBlobSuffix.size());
            if (isValidId(id) && id.startsWith(folder))
                ids.append(id);
        }
    }
    ids.sort();
    return ids;
}

int Vault::removeIncompleteWrites()
{
    int removed = 0;
    const QDir root(d->directory);
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &folder : folders) {
        QDir sub(root.filePath(folder));
        const QStringList partial =
            sub.entryList({QStringLiteral(".*") + kPartialSuffix}, QDir::Files | QDir::Hidden);
        for (const QString &file : partial) {
            if (sub.remove(file))
                ++removed;
        }
    }
    return removed;
}

} // namespace mdp::store
