#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class QApplication;

namespace mdp::workbench {

// The look of the workstation: fonts with CJK coverage, palette, style sheet and tinted line icons.
class Theme
{
public:
    static QColor accent() { return QColor(0x1d, 0x6f, 0xb8); }
    static QColor railText() { return QColor(0xc9, 0xd4, 0xe0); }
    static QColor text() { return QColor(0x1f, 0x29, 0x33); }
    static QColor muted() { return QColor(0x5f, 0x6b, 0x7a); }
    static QColor good() { return QColor(0x2e, 0x7d, 0x32); }
    static QColor bad() { return QColor(0xc6, 0x28, 0x28); }
    static QColor warning() { return QColor(0xb2, 0x6a, 0x00); }

    // Fusion style, fonts, palette and the style sheet from resources.
    static void apply(QApplication &app);

    // A line icon from resources (":/mdp/icons/<name>.svg") drawn in `color`.
    static QIcon icon(const QString &name, const QColor &color = text());
    static QIcon appIcon();
};

} // namespace mdp::workbench
