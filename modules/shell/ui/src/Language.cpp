#include "mdp/shell/Language.h"

#include "mdp/timeline/TimelineLanguage.h"
#include "mdp/viewer/ViewerLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace mdp::shell {

namespace {
QString g_current = QStringLiteral("en");
QTranslator *g_product = nullptr;
QTranslator *g_qt = nullptr;
} // namespace

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
    for (QTranslator **slot : {&g_product, &g_qt}) {
        if (*slot) {
            QCoreApplication::removeTranslator(*slot);
            delete *slot;
            *slot = nullptr;
        }
    }

    bool ok = true;
    auto *product = new QTranslator(&app);
    if (product->load(QStringLiteral(":/i18n/mdp_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(product);
        g_product = product;
    } else {
        delete product;
        ok = code == u"en";
    }

    if (code != u"en") {
        auto *qt = new QTranslator(&app);
        if (qt->load(QStringLiteral("qtbase_%1").arg(code),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            g_qt = qt;
        } else {
            delete qt;
        }
    }
    g_current = ok ? code : QStringLiteral("en");
    // The patient pages show the timeline and the document viewer, which carry their own catalogues.
    timeline::ui::TimelineLanguage::install(app, g_current);
    viewer::ui::ViewerLanguage::install(app, g_current);
    QLocale::setDefault(QLocale(g_current == u"zh_CN" ? QLocale::Chinese : QLocale::English,
                                g_current == u"zh_CN" ? QLocale::China : QLocale::UnitedStates));
    return ok;
}

QString Language::current()
{
    return g_current;
}

} // namespace mdp::shell
