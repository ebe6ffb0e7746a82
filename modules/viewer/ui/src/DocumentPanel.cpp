#include "mdp/viewer/DocumentPanel.h"

#include "ContentGuard.h"

#include "mdp/viewer/DocumentViewer.h"

#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mdp::viewer::ui {

namespace {

const char *const StyleSheet = R"(
QFrame#panelCard { background: #ffffff; border: 1px solid #dde3ea; border-radius: 8px; }
QLabel#panelTableTitle { font-size: 11.5pt; font-weight: 600; color: #10263b; }
QLabel#panelTableCaption { color: #5f6b7a; }
QTableView#panelTable { border: none; border-top: 1px solid #dde3ea; border-radius: 0px; background: #ffffff;
    alternate-background-color: #f8fafc; gridline-color: #edf0f3; }
QSplitter#panelSplitter::handle { background: transparent; }
)";

} // namespace

DocumentPanel::DocumentPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("documentPanel"));
    setStyleSheet(QString::fromLatin1(StyleSheet));
    m_guard = new ContentGuard(this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("panelSplitter"));
    m_splitter->setHandleWidth(12);
    m_splitter->setChildrenCollapsible(false);

    auto *tableCard = new QFrame(m_splitter);
    tableCard->setObjectName(QStringLiteral("panelCard"));
    auto *tableLayout = new QVBoxLayout(tableCard);
    tableLayout->setContentsMargins(1, 1, 1, 1);
    tableLayout->setSpacing(0);
    auto *heading = new QWidget(tableCard);
    auto *headingLayout = new QVBoxLayout(heading);
    headingLayout->setContentsMargins(16, 12, 16, 10);
    headingLayout->setSpacing(2);
    m_title = new QLabel(heading);
    m_title->setObjectName(QStringLiteral("panelTableTitle"));
    m_caption = new QLabel(heading);
    m_caption->setObjectName(QStringLiteral("panelTableCaption"));
    m_caption->setWordWrap(true);
    m_caption->hide();
    headingLayout->addWidget(m_title);
    headingLayout->addWidget(m_caption);

    m_table = new QTableView(tableCard);
    m_table->setObjectName(QStringLiteral("panelTable"));
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setDragEnabled(false);
    m_table->setDragDropMode(QAbstractItemView::NoDragDrop);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(32);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_guard->guard(m_table);
    tableLayout->addWidget(heading);
    tableLayout->addWidget(m_table, 1);

    auto *viewerCard = new QFrame(m_splitter);
    viewerCard->setObjectName(QStringLiteral("panelCard"));
    auto *viewerLayout = new QVBoxLayout(viewerCard);
    viewerLayout->setContentsMargins(1, 1, 1, 1);
    m_viewer = new DocumentViewer(viewerCard);
    viewerLayout->addWidget(m_viewer);

    m_splitter->addWidget(tableCard);
    m_splitter->addWidget(viewerCard);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

DocumentPanel::~DocumentPanel() = default;

void DocumentPanel::setTableModel(QAbstractItemModel *model)
{
    m_table->setModel(model);
    if (model) {
        m_table->resizeColumnsToContents();
        m_table->horizontalHeader()->setStretchLastSection(true);
    }
}

void DocumentPanel::setTableTitle(const QString &title)
{
    m_title->setText(title);
}

void DocumentPanel::setTableCaption(const QString &caption)
{
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
}

} // namespace mdp::viewer::ui
