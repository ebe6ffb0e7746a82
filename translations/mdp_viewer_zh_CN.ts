<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::viewer::MediaTypeSniffer</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>JPEG 图像</translation>
    </message>
    <message>
        <source>DICOM file</source>
        <translation>DICOM 文件</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>未知类型</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is labelled as a %1 but its content is not one</source>
        <translation>文件标注为 %1，但内容并非 %1</translation>
    </message>
    <message>
        <source>the file is labelled as a %1 but its content is a %2</source>
        <translation>文件标注为 %1，但内容实为 %2</translation>
    </message>
    <message>
        <source>the file is named like a %1 but its content is not one</source>
        <translation>文件名表明是 %1，但内容并非 %1</translation>
    </message>
    <message>
        <source>files of type %1 cannot be previewed</source>
        <translation>无法预览类型为 %1 的文件</translation>
    </message>
    <message>
        <source>the file type is not recognised</source>
        <translation>无法识别文件类型</translation>
    </message>
</context>
<context>
    <name>mdp::viewer::ui::DocumentViewer</name>
    <message>
        <source>views cannot be recorded in the audit log here</source>
        <translation>此处无法将查看记录写入审计日志</translation>
    </message>
    <message>
        <source>no signed-in viewer to name in the watermark</source>
        <translation>没有可写入水印的登录用户</translation>
    </message>
    <message>
        <source>the file is larger than the preview limit of %1 MB</source>
        <translation>文件超过 %1 MB 的预览上限</translation>
    </message>
    <message>
        <source>DICOM preview comes with the imaging issue</source>
        <translation>DICOM 预览将随影像功能提供</translation>
    </message>
    <message>
        <source>DICOM file</source>
        <translation>DICOM 文件</translation>
    </message>
    <message>
        <source>DICOM preview comes with the imaging issue. The file is kept in the encrypted vault; it is not previewed in this window yet.</source>
        <translation>DICOM 预览将随影像功能提供。文件保存在加密库中，暂不在此窗口预览。</translation>
    </message>
    <message numerus="yes">
        <source>PDF · %n page(s)</source>
        <translation>
            <numerusform>PDF · %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 × %3 px</source>
        <translation>%1 · %2 × %3 像素</translation>
    </message>
    <message>
        <source>the file type is not recognised</source>
        <translation>无法识别文件类型</translation>
    </message>
    <message>
        <source>the view could not be recorded in the audit log</source>
        <translation>本次查看无法写入审计日志</translation>
    </message>
    <message>
        <source>This document cannot be shown: %1</source>
        <translation>无法显示此文档：%1</translation>
    </message>
    <message>
        <source>This document cannot be shown</source>
        <translation>无法显示此文档</translation>
    </message>
    <message>
        <source>Untitled document</source>
        <translation>未命名文档</translation>
    </message>
    <message>
        <source>/ %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Fit page (Ctrl+2)</source>
        <translation>适合整页 (Ctrl+2)</translation>
    </message>
    <message>
        <source>Fit to view (Ctrl+0)</source>
        <translation>适合窗口 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页 (Page Up)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页 (Page Down)</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>当前页</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小 (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大 (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width (Ctrl+0)</source>
        <translation>适合宽度 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation>实际大小 (Ctrl+1)</translation>
    </message>
    <message>
        <source>Protected preview: watermarked, not saved to this computer, every view recorded</source>
        <translation>受保护预览：已加水印，不保存到本机，每次查看均有记录</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>未打开文档</translation>
    </message>
    <message>
        <source>Choose a file attached to an event to preview it here.</source>
        <translation>选择事件所附的文件，即可在此预览。</translation>
    </message>
</context>
<context>
    <name>mdp::viewer::ui::ImageDecoder</name>
    <message>
        <source>the image could not be read from memory</source>
        <translation>无法从内存读取该图像</translation>
    </message>
    <message>
        <source>the image data could not be decoded</source>
        <translation>图像数据无法解码</translation>
    </message>
    <message>
        <source>the image has no pixels</source>
        <translation>图像不含任何像素</translation>
    </message>
    <message>
        <source>the image is too large to preview safely (%1 × %2 pixels; the limit is %3 megapixels)</source>
        <translation>图像过大，无法安全预览（%1 × %2 像素；上限为 %3 百万像素）</translation>
    </message>
    <message>
        <source>the image is too large to preview safely</source>
        <translation>图像过大，无法安全预览</translation>
    </message>
</context>
<context>
    <name>mdp::viewer::ui::PdfPageView</name>
    <message>
        <source>the PDF could not be read from memory</source>
        <translation>无法从内存读取该 PDF</translation>
    </message>
    <message>
        <source>the PDF is protected by a password</source>
        <translation>该 PDF 受密码保护</translation>
    </message>
    <message>
        <source>the PDF is encrypted with a scheme that is not supported</source>
        <translation>该 PDF 使用了不受支持的加密方式</translation>
    </message>
    <message>
        <source>the PDF file is damaged or incomplete</source>
        <translation>PDF 文件已损坏或不完整</translation>
    </message>
    <message>
        <source>the PDF could not be opened</source>
        <translation>无法打开该 PDF</translation>
    </message>
    <message>
        <source>the PDF has no pages</source>
        <translation>该 PDF 没有页面</translation>
    </message>
</context>
</TS>
