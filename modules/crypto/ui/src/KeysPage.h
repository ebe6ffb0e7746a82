#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::crypto::ui {

class KeyTableModel;

// The key hierarchy of the workspace (metadata only), rotation of a purpose's key-encryption key and
// renewal of the database, file-store and patient-identity data keys (re-encryption, with progress).
class KeysPage : public QWidget
{
    Q_OBJECT
public:
    explicit KeysPage(workbench::SessionContext &context, QWidget *parent = nullptr);
    void refresh();
    KeyTableModel *model() const { return m_model; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString selectedPurpose() const;
    void updateButtons();
    void rotate();
    void renew();

    workbench::SessionContext &m_context;
    KeyTableModel *m_model;
    QTableView *m_table;
    QLabel *m_message;
    QPushButton *m_rotate;
    QPushButton *m_renew;
};

} // namespace mdp::crypto::ui
