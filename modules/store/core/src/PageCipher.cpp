#include "mdp/store/Database.h"

namespace mdp::store {

QString pageCipherName(PageCipher cipher)
{
    return cipher == PageCipher::Sm4Cbc ? QStringLiteral("sm4-cbc") : QStringLiteral("aes-256-cbc");
}

std::optional<PageCipher> pageCipherFromName(QStringView name)
{
    if (name.compare(u"sm4-cbc", Qt::CaseInsensitive) == 0)
        return PageCipher::Sm4Cbc;
    if (name.compare(u"aes-256-cbc", Qt::CaseInsensitive) == 0)
        return PageCipher::Aes256Cbc;
    return std::nullopt;
}

} // namespace mdp::store
