#pragma once

#include "mdp/foundation/SecureMemory.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <vector>

namespace mdp {

// Owns secret material (keys, passphrases, plaintext key shares). The storage is secure memory
// (SecureMemory.h: out of core dumps, locked in RAM where allowed), zeroed when the object is
// destroyed, cleared or moved from, and never shared implicitly the way QByteArray is.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    explicit SecureBytes(QByteArrayView bytes);
    SecureBytes(const SecureBytes &other);
    SecureBytes &operator=(const SecureBytes &other);
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    ~SecureBytes();

    // Takes the bytes of a QByteArray and wipes the source (it must not be shared).
    static SecureBytes takeFrom(QByteArray &source);

    char *data() { return m_bytes.data(); }
    const char *data() const { return m_bytes.data(); }
    unsigned char *udata() { return reinterpret_cast<unsigned char *>(m_bytes.data()); }
    const unsigned char *udata() const { return reinterpret_cast<const unsigned char *>(m_bytes.data()); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }
    QByteArrayView view() const { return QByteArrayView(m_bytes.data(), qsizetype(m_bytes.size())); }
    void clear();

    bool operator==(const SecureBytes &other) const;

private:
    std::vector<char, SecureAllocator<char>> m_bytes;
};

// Zeroes memory in a way the optimiser may not remove.
void secureZero(void *data, std::size_t size);
void secureZero(QByteArray &bytes);
// Wipes the characters of a string and empties it. A buffer another copy still shares is detached
// first, so let go of the other copies (a line edit's text: clear the edit) before wiping.
void secureZero(QString &text);

// A password in the form the account and key-slot functions take it: the UTF-8 of what was typed, in
// secure memory (key slots use these bytes as they are; the password hash normalises them to NFC
// itself, as it always has). The string is wiped. Passwords never travel as QString beyond the widget
// or prompt they were typed in.
SecureBytes takePassword(QString &text);
// The same for bytes read from a file descriptor, a terminal or the environment: taken as they are.
SecureBytes passwordBytes(QByteArrayView utf8);

} // namespace mdp
