#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QSplitter;
class QTableView;

namespace mdp::viewer::ui {

class ContentGuard;
class DocumentViewer;

// An event's multimodal data side by side (R-6.4.3a-c): a structured table the caller provides
// (an organ-at-risk dose table, a lab panel) beside the document viewer showing the image or
// report, with a splitter between them. The table follows the viewer's rules: no copying out,
// no context menu, no dragging rows away.
class DocumentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentPanel(QWidget *parent = nullptr);
    ~DocumentPanel() override;

    // The model stays the caller's; the panel only shows it.
    void setTableModel(QAbstractItemModel *model);
    void setTableTitle(const QString &title);
    void setTableCaption(const QString &caption); // a line under the title (units, source)

    DocumentViewer *viewer() const { return m_viewer; }
    QTableView *tableView() const { return m_table; }
    QSplitter *splitter() const { return m_splitter; }

private:
    QSplitter *m_splitter = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_caption = nullptr;
    QTableView *m_table = nullptr;
    DocumentViewer *m_viewer = nullptr;
    ContentGuard *m_guard = nullptr;
};

} // namespace mdp::viewer::ui
