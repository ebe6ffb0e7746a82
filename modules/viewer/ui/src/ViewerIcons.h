#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>

namespace mdp::viewer::ui {

// The viewer's line icons, drawn in code so the module needs no icon resources or SVG plugin of
// its own and matches the shell's 1.6 px line icons.
class ViewerIcons
{
public:
    enum class Name
    {
        PreviousPage,
        NextPage,
        ZoomIn,
        ZoomOut,
        FitWidth,
        FitPage,
        ActualSize,
        Document,
        Image,
        Warning,
        Info,
        Shield,
    };

    static QIcon icon(Name name, const QColor &color = QColor(0x3e, 0x4c, 0x59));
    static QPixmap pixmap(Name name, int side, const QColor &color, qreal devicePixelRatio = 1.0);
};

} // namespace mdp::viewer::ui
