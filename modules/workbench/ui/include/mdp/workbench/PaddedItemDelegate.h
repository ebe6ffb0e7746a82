#pragma once

#include <QStyledItemDelegate>

namespace mdp::workbench {

// Gives table cells horizontal breathing room; the style sheet's ::item padding does not move the
// text under every style. The row background and selection still fill the whole cell.
class PaddedItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PaddedItemDelegate(QObject *parent = nullptr, int horizontal = 10);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_horizontal;
};

} // namespace mdp::workbench
