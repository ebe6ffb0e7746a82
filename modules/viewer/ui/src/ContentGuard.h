#pragma once

#include <QObject>

class QKeyEvent;
class QWidget;

namespace mdp::viewer::ui {

// Keeps a document's content inside the viewer (R-6.4.4: no local download): swallows the copy,
// cut, select-all, save and print keys before any application shortcut sees them, suppresses
// context menus and refuses drops. Installed as an event filter on the document areas and on the
// structured table beside them.
class ContentGuard : public QObject
{
    Q_OBJECT

public:
    explicit ContentGuard(QObject *parent = nullptr);

    // Filters `widget` and makes it offer no context menu and accept no drops.
    void guard(QWidget *widget);

    static bool isBlockedKey(const QKeyEvent *event);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace mdp::viewer::ui
