#include "mdp/foundation/SecureBytes.h"

#include <cstring>
#include <string.h>

namespace mdp {

void secureZero(void *data, std::size_t size)
{
    if (data && size)
        explicit_bzero(data, size);
}

void secureZero(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach(); // never wipe a copy someone else still reads
    secureZero(bytes.data(), std::size_t(bytes.size()));
    bytes.clear();
}

void secureZero(QString &text)
{
    if (!text.isEmpty() && !text.isDetached())
        text.detach();
    if (!text.isEmpty())
        secureZero(text.data(), std::size_t(text.size()) * sizeof(QChar));
    text.clear();
}

SecureBytes takePassword(QString &text)
{
    QByteArray utf8 = text.toUtf8();
    SecureBytes out = SecureBytes::takeFrom(utf8);
    secureZero(text);
    return out;
}

SecureBytes passwordBytes(QByteArrayView utf8)
{
    return SecureBytes(utf8);
}

SecureBytes::SecureBytes(std::size_t size)
    : m_bytes(size, '\0')
{}

SecureBytes::SecureBytes(QByteArrayView bytes)
    : m_bytes(bytes.begin(), bytes.end())
{}

SecureBytes::SecureBytes(const SecureBytes &other)
    : m_bytes(other.m_bytes)
{}

SecureBytes &SecureBytes::operator=(const SecureBytes &other)
{
    if (this != &other) {
        clear();
        m_bytes = other.m_bytes;
    }
    return *this;
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes SecureBytes::takeFrom(QByteArray &source)
{
    SecureBytes out{QByteArrayView(source)};
    secureZero(source);
    return out;
}

void SecureBytes::clear()
{
    secureZero(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
    m_bytes.shrink_to_fit();
}

bool SecureBytes::operator==(const SecureBytes &other) const
{
    if (m_bytes.size() != other.m_bytes.size())
        return false;
    unsigned char diff = 0; // constant time over the length
    for (std::size_t i = 0; i < m_bytes.size(); ++i)
        diff |= static_cast<unsigned char>(m_bytes[i] ^ other.m_bytes[i]);
    return diff == 0;
}

} // namespace mdp
