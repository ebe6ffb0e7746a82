#include "mdp/viewer/ViewerLanguage.h"

#include <QCoreApplication>
#include <QTranslator>

namespace mdp::viewer::ui {

namespace {
QTranslator *g_translator = nullptr;
} // namespace

bool ViewerLanguage::install(QCoreApplication &app, const QString &code)
{
    if (g_translator) {
        QCoreApplication::removeTranslator(g_translator);
        delete g_translator;
        g_translator = nullptr;
    }
    auto *translator = new QTranslator(&app);
    if (!translator->load(QStringLiteral(":/i18n/mdp_viewer_%1.qm").arg(code))) {
        delete translator;
        return code == u"en";
    }
    QCoreApplication::installTranslator(translator);
    g_translator = translator;
    return true;
}

} // namespace mdp::viewer::ui
