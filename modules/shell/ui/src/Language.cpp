#include "mdp/shell/Language.h"

#include "mdp/workbench/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace mdp::shell {

QString Language::resolve(const QString &override, LanguageChoice stored, const QLocale &system)
{
    if (override.startsWith(u"zh"))
        return QStringLiteral("zh_CN");
    if (override.startsWith(u"en"))
        return QStringLiteral("en");
    switch (stored) {
    case LanguageChoice::Chinese:
        return QStringLiteral("zh_CN");
    case LanguageChoice::English:
        return QStringLiteral("en");
    case LanguageChoice::System:
        break;
    }
    return system.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool Language::install(QCoreApplication &app, const QString &code)
{
    return workbench::Language::install(app, code);
}

QString Language::current()
{
    return workbench::Language::current();
}

} // namespace mdp::shell
