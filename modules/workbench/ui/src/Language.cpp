#include "mdp/workbench/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace mdp::workbench {

namespace {
QString g_current = QStringLiteral("en");
QList<QTranslator *> g_installed;
QStringList g_loaded;
} // namespace

bool Language::install(QCoreApplication &app, const QString &code)
{
    for (QTranslator *translator : std::as_const(g_installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    g_installed.clear();
    g_loaded.clear();

    const QString suffix = QLatin1Char('_') + code + QStringLiteral(".qm");
    const QStringList names =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("mdp_*") + suffix}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        auto *translator = new QTranslator(&app);
        if (translator->load(QStringLiteral(":/i18n/") + name)) {
            QCoreApplication::installTranslator(translator);
            g_installed << translator;
            g_loaded << name;
        } else {
            delete translator;
        }
    }
    const bool ok = code == u"en" || !g_loaded.isEmpty();

    if (code != u"en") {
        auto *qt = new QTranslator(&app);
        if (qt->load(QStringLiteral("qtbase_%1").arg(code),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            g_installed << qt;
        } else {
            delete qt;
        }
    }
    g_current = ok ? code : QStringLiteral("en");
    QLocale::setDefault(QLocale(g_current == u"zh_CN" ? QLocale::Chinese : QLocale::English,
                                g_current == u"zh_CN" ? QLocale::China : QLocale::UnitedStates));
    return ok;
}

QString Language::current()
{
    return g_current;
}

QStringList Language::loadedCatalogues()
{
    return g_loaded;
}

} // namespace mdp::workbench
