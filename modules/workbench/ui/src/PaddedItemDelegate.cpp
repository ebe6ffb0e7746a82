#include "mdp/workbench/PaddedItemDelegate.h"

#include <QApplication>
#include <QPainter>

namespace mdp::workbench {

PaddedItemDelegate::PaddedItemDelegate(QObject *parent, int horizontal)
    : QStyledItemDelegate(parent)
    , m_horizontal(horizontal)
{}

void PaddedItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem full = option;
    initStyleOption(&full, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background, alternate colour and selection over the whole cell, without content.
    QStyleOptionViewItem background = full;
    background.text.clear();
    background.icon = QIcon();
    background.features &= ~QStyleOptionViewItem::HasDisplay;
    background.features &= ~QStyleOptionViewItem::HasDecoration;
    background.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    // Content inset, in the selected text colour when selected.
    QStyleOptionViewItem content = full;
    content.rect.adjust(m_horizontal, 0, -m_horizontal, 0);
    content.backgroundBrush = Qt::NoBrush;
    content.features &= ~QStyleOptionViewItem::Alternate;
    if (content.state & QStyle::State_Selected) {
        content.palette.setColor(QPalette::Text, content.palette.color(QPalette::HighlightedText));
        content.state &= ~QStyle::State_Selected;
    }
    content.state &= ~QStyle::State_HasFocus;
    painter->save();
    painter->setClipRect(option.rect);
    style->drawControl(QStyle::CE_ItemViewItem, &content, painter, widget);
    painter->restore();
}

QSize PaddedItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QStyledItemDelegate::sizeHint(option, index) + QSize(2 * m_horizontal, 0);
}

} // namespace mdp::workbench
