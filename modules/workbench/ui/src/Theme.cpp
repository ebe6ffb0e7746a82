#include "mdp/workbench/Theme.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QPainter>
#include <QPalette>
#include <QStyleFactory>

namespace mdp::workbench {

namespace {

QStringList preferredFamilies()
{
    // Noto Sans CJK SC covers Latin and Chinese with one consistent design; the others are fallbacks
    // for machines without fonts-noto-cjk.
    const QStringList wanted{QStringLiteral("Noto Sans CJK SC"),   QStringLiteral("Noto Sans SC"),
                             QStringLiteral("Source Han Sans SC"), QStringLiteral("WenQuanYi Micro Hei"),
                             QStringLiteral("Noto Sans"),          QStringLiteral("DejaVu Sans")};
    const QStringList installed = QFontDatabase::families();
    QStringList families;
    for (const QString &family : wanted) {
        if (installed.contains(family))
            families << family;
    }
    return families;
}

QPixmap tinted(const QIcon &source, const QSize &size, qreal dpr, const QColor &color)
{
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    source.paint(&painter, QRect(QPoint(0, 0), size));
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(QRect(QPoint(0, 0), size), color);
    painter.end();
    return pixmap;
}

} // namespace

void Theme::apply(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QFont font = app.font();
    const QStringList families = preferredFamilies();
    if (!families.isEmpty())
        font.setFamilies(families);
    font.setPointSizeF(10);
    font.setHintingPreference(QFont::PreferNoHinting);
    app.setFont(font);

    QPalette palette = app.palette();
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf6, 0xf9));
    palette.setColor(QPalette::WindowText, text());
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf8, 0xfa, 0xfc));
    palette.setColor(QPalette::Text, text());
    palette.setColor(QPalette::Button, Qt::white);
    palette.setColor(QPalette::ButtonText, text());
    palette.setColor(QPalette::Highlight, QColor(0xcf, 0xe3, 0xf5));
    palette.setColor(QPalette::HighlightedText, QColor(0x10, 0x26, 0x3b));
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x96, 0xa3));
    palette.setColor(QPalette::Link, accent());
    palette.setColor(QPalette::ToolTipBase, QColor(0x10, 0x26, 0x3b));
    palette.setColor(QPalette::ToolTipText, Qt::white);
    app.setPalette(palette);

    QFile sheet(QStringLiteral(":/mdp/style/mdp.qss"));
    if (sheet.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(sheet.readAll()));
    app.setWindowIcon(appIcon());
}

QIcon Theme::icon(const QString &name, const QColor &color)
{
    const QIcon source(QStringLiteral(":/mdp/icons/%1.svg").arg(name));
    QIcon result;
    for (int side : {16, 20, 24, 32, 48}) {
        const QSize size(side, side);
        result.addPixmap(tinted(source, size, 1.0, color), QIcon::Normal);
        result.addPixmap(tinted(source, size, 2.0, color), QIcon::Normal);
        result.addPixmap(tinted(source, size, 1.0, QColor(0xa0, 0xaa, 0xb5)), QIcon::Disabled);
    }
    return result;
}

QIcon Theme::appIcon()
{
    return QIcon(QStringLiteral(":/mdp/icons/mdp-logo.svg"));
}

} // namespace mdp::workbench
