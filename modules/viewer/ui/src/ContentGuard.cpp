#include "ContentGuard.h"

#include <QAbstractScrollArea>
#include <QKeyEvent>
#include <QWidget>

namespace mdp::viewer::ui {

ContentGuard::ContentGuard(QObject *parent)
    : QObject(parent)
{}

void ContentGuard::guard(QWidget *widget)
{
    const auto protect = [this](QWidget *w) {
        w->installEventFilter(this);
        w->setContextMenuPolicy(Qt::NoContextMenu);
        w->setAcceptDrops(false);
    };
    protect(widget);
    if (auto *area = qobject_cast<QAbstractScrollArea *>(widget))
        protect(area->viewport());
}

bool ContentGuard::isBlockedKey(const QKeyEvent *event)
{
    for (QKeySequence::StandardKey key : {QKeySequence::Copy, QKeySequence::Cut, QKeySequence::SelectAll,
                                          QKeySequence::Save, QKeySequence::SaveAs, QKeySequence::Print}) {
        if (event->matches(key))
            return true;
    }
    // Ctrl+Insert copies on X11 even where the platform's Copy binding lists only Ctrl+C.
    return event->key() == Qt::Key_Insert && (event->modifiers() & Qt::ControlModifier);
}

bool ContentGuard::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ShortcutOverride:
        if (isBlockedKey(static_cast<QKeyEvent *>(event))) {
            // Accepting the override delivers the key here instead of to a window shortcut
            // (an application-wide "Save" or "Print" action), where the key press below drops it.
            event->accept();
            return true;
        }
        break;
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
        if (isBlockedKey(static_cast<QKeyEvent *>(event)))
            return true;
        break;
    case QEvent::ContextMenu:
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop:
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace mdp::viewer::ui
