#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::shell {

class IntegrityMonitor;

// Workspace facts, the current session and the last integrity check with "Verify now".
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    OverviewPage(workbench::SessionContext &context, IntegrityMonitor &integrity, QWidget *parent = nullptr);

    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateIntegrity();

    workbench::SessionContext &m_context;
    IntegrityMonitor &m_integrity;
    QLabel *m_integrityIcon;
    QLabel *m_integrityHeadline;
    QLabel *m_integrityDetail;
    QPushButton *m_verify;
    QProgressBar *m_progress;
    QLabel *m_auditCount;
    QLabel *m_directory;
    QLabel *m_created;
    QLabel *m_pageCipher;
    QLabel *m_blobCipher;
    QLabel *m_rootKey;
    QLabel *m_commits;
};

} // namespace mdp::shell
