<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ColourMap</name>
    <message>
        <location filename="../widgets/colourmap.cpp" line="48"/>
        <source>Grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="50"/>
        <source>Fire</source>
        <translation>火焰</translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="52"/>
        <source>Magma</source>
        <translation>Magma</translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="54"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
</context>
<context>
    <name>ResultExporter</name>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="56"/>
        <source>%1 was not written: the %2 panel holds %3 × %4 pixels, the image %5 × %6.</source>
        <translation>未写入 %1：%2 面板为 %3 × %4 像素，而图像为 %5 × %6。</translation>
    </message>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="84"/>
        <location filename="../app/gui/resultexporter.cpp" line="119"/>
        <location filename="../app/gui/resultexporter.cpp" line="123"/>
        <location filename="../app/gui/resultexporter.cpp" line="149"/>
        <location filename="../app/gui/resultexporter.cpp" line="153"/>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="105"/>
        <source>the disk is full, or the file is larger than this account may write</source>
        <translation>磁盘已满，或文件超出了此账户允许写入的大小</translation>
    </message>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="113"/>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>SyntheticCase</name>
    <message>
        <location filename="../app/gui/syntheticcase.cpp" line="25"/>
        <source>specimen blurred by the default probe at %1 µm, noise variance %2</source>
        <translation>样品经默认探针在 %1 µm 处模糊，噪声方差 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/syntheticcase.cpp" line="45"/>
        <source>plane %1 blurred at %2 µm, noise variance %3</source>
        <translation>平面 %1 在 %2 µm 处模糊，噪声方差 %3</translation>
    </message>
</context>
<context>
    <name>latentlens::app::ComparisonRunner</name>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="121"/>
        <source>This model was trained for another probe: at %1 µm its kernel differs from the chosen probe&apos;s by %2% of the energy. Choose the probe it was trained with (%3 keV, NA %4, %5 nm pixels) or train a model for this probe in the Training panel.</source>
        <translation>此模型是针对另一探针训练的：在 %1 µm 处，其卷积核与所选探针的卷积核相差 %2% 的能量。请选择训练时所用的探针（%3 keV，NA %4，像素 %5 nm），或在“训练”面板中为此探针训练模型。</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="159"/>
        <source>Deformable latent space</source>
        <translation>可变形隐空间</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="161"/>
        <source>NODEFORM (ablation)</source>
        <translation>NODEFORM（消融）</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="163"/>
        <source>Wiener</source>
        <translation>维纳滤波</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="165"/>
        <source>Richardson–Lucy</source>
        <translation>Richardson–Lucy</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="167"/>
        <source>Hyper-Laplacian</source>
        <translation>超拉普拉斯</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="439"/>
        <source>λ %1%2</source>
        <translation>λ %1%2</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="441"/>
        <source> (UPRE)</source>
        <translation>（UPRE）</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="446"/>
        <source>%1 iterations%2, TV %3</source>
        <translation>%1 次迭代%2，TV %3</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="448"/>
        <source> (automatic stop)</source>
        <translation>（自动停止）</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="449"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="453"/>
        <source>α %1, λ %2</source>
        <translation>α %1，λ %2</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="464"/>
        <source>No model file: the default model was not found. Choose one in the method settings, or train one in the Training panel.</source>
        <translation>没有模型文件：未找到默认模型。请在方法设置中选择一个模型，或在“训练”面板中训练一个。</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="523"/>
        <source>%1 µm, %2, %3, average of %4 views</source>
        <translation>%1 µm，%2，%3，%4 个视图的平均</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="527"/>
        <source>%1 µm, %2, %3</source>
        <translation>%1 µm，%2，%3</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="530"/>
        <source>reference kernel %1 µm only, %2, average of %3 views</source>
        <translation>仅参考卷积核 %1 µm，%2，%3 个视图的平均</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="534"/>
        <source>reference kernel %1 µm only, %2</source>
        <translation>仅参考卷积核 %1 µm，%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/comparisonrunner.cpp" line="690"/>
        <source>The result holds %n non-finite value(s), so it is not shown.</source>
        <translation>
            <numerusform>结果含有 %n 个非有限值，因此不予显示。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="691"/>
        <source>The result has another size than the image, so it is not shown.</source>
        <translation>结果尺寸与图像不同，因此不予显示。</translation>
    </message>
</context>
<context>
    <name>latentlens::app::JobWorker</name>
    <message>
        <location filename="../app/gui/jobworker.cpp" line="109"/>
        <source>Not enough memory for this job. Try a smaller image or region.</source>
        <translation>内存不足，无法执行此任务。请尝试更小的图像或区域。</translation>
    </message>
    <message>
        <location filename="../app/gui/jobworker.cpp" line="113"/>
        <source>The job failed for an unknown reason.</source>
        <translation>任务因未知原因失败。</translation>
    </message>
</context>
<context>
    <name>latentlens::app::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="92"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="93"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="134"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="137"/>
        <source>Ground truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="142"/>
        <source>Open a fluorescence image or stack (File ▸ Open, or drop a file here).</source>
        <translation>打开荧光图像或图像栈（文件 ▸ 打开，或将文件拖放到此处）。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="172"/>
        <source>Probe</source>
        <translation>探针</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="175"/>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="178"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="182"/>
        <source>Line profile</source>
        <translation>线轮廓</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="184"/>
        <source>3-D</source>
        <translation>三维</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="202"/>
        <source>The new model %1 is now used.</source>
        <translation>现已使用新模型 %1。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="225"/>
        <source>No result: %1</source>
        <translation>无结果：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="237"/>
        <source>%1 on %2; trained at %3 µm</source>
        <translation>%1，运行于 %2；训练离焦量 %3 µm</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="250"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="251"/>
        <source>Stop every running method (Esc)</source>
        <translation>停止所有正在运行的方法（Esc）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="256"/>
        <source>The whole-stack deblur: planes done and the time left</source>
        <translation>整个图像栈的去模糊：已完成的平面与剩余时间</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="258"/>
        <source>Stop Stack</source>
        <translation>停止图像栈</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="260"/>
        <source>Stop the whole-stack deblur; the finished planes are kept</source>
        <translation>停止整个图像栈的去模糊；已完成的平面将保留</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="268"/>
        <source>Stack %v/%m, %1 s left</source>
        <translation>图像栈 %v/%m，剩余 %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="280"/>
        <source>The stack deblur stopped</source>
        <translation>图像栈去模糊已中止</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="281"/>
        <source>%1 The %n finished plane(s) are kept.</source>
        <translation>
            <numerusform>%1 已完成的 %n 个平面已保留。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="284"/>
        <source>Stack deblur stopped: %n plane(s) finished and kept.</source>
        <translation>
            <numerusform>图像栈去模糊已停止：%n 个平面已完成并保留。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="287"/>
        <source>Stack deblurred: %n plane(s); the navigator shows them in every panel, File ▸ Export Stack Results writes them.</source>
        <translation>
            <numerusform>图像栈去模糊完成：%n 个平面；导航器在每个面板中显示它们，“文件 ▸ 导出图像栈结果”可将其写出。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="315"/>
        <source>%1 (stack run)</source>
        <translation>%1（图像栈运行）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="335"/>
        <source>Cannot use %1</source>
        <translation>无法使用 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="336"/>
        <source>The ground truth must have the image&apos;s size (%1 × %2 px); %3 is %4 × %5 px.</source>
        <translation>真值图像必须与图像尺寸相同（%1 × %2 px）；%3 为 %4 × %5 px。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="355"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="363"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="373"/>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="374"/>
        <source>The file %1 could not be opened: %2</source>
        <translation>无法打开文件 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="381"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="382"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="384"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="386"/>
        <source>XRF &amp;Analysis</source>
        <translation>XRF 分析(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="387"/>
        <source>The analysis of an XRF-Maps file to show (Fitted, NNLS, ROI, …)</source>
        <translation>要显示的 XRF-Maps 文件分析结果（Fitted、NNLS、ROI、…）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="392"/>
        <source>Open &amp;Ground Truth…</source>
        <translation>打开真值图像(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="393"/>
        <source>Open Ground Truth</source>
        <translation>打开真值图像</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="395"/>
        <source>Images (*.tif *.tiff *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>图像 (*.tif *.tiff *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="399"/>
        <source>Open &amp;Demo</source>
        <translation>打开演示(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="402"/>
        <source>&amp;Blur This Image as Ground Truth</source>
        <translation>将此图像作为真值并模糊(&amp;B)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="405"/>
        <source>Use the current plane as the ground truth and blur it with the current probe</source>
        <translation>将当前平面作为真值，并用当前探针对其进行模糊</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="408"/>
        <source>&amp;Export Results as TIFF…</source>
        <translation>导出结果为 TIFF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="411"/>
        <source>Export &amp;Grid as PNG…</source>
        <translation>导出网格为 PNG(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="413"/>
        <source>Export &amp;Metrics as CSV…</source>
        <translation>导出指标为 CSV(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="414"/>
        <source>Export &amp;Stack Results…</source>
        <translation>导出图像栈结果(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="416"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="419"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="420"/>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="426"/>
        <source>&amp;Next Plane</source>
        <translation>下一平面(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="429"/>
        <source>&amp;Previous Plane</source>
        <translation>上一平面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="435"/>
        <source>&amp;Compute</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="437"/>
        <source>&amp;Recompute All</source>
        <translation>全部重新计算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="439"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="447"/>
        <source>Deblur &amp;Whole Stack</source>
        <translation>对整个图像栈去模糊(&amp;W)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="450"/>
        <source>Run the shown methods over every plane of the stack</source>
        <translation>对图像栈的每个平面运行所显示的方法</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="451"/>
        <source>Deblur Stack, &amp;This Channel Only</source>
        <translation>仅对此通道进行图像栈去模糊(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="459"/>
        <source>&amp;Stop Stack Deblur</source>
        <translation>停止图像栈去模糊(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="461"/>
        <source>Defocus +0.1 µm</source>
        <translation>离焦 +0.1 µm</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="463"/>
        <source>Defocus −0.1 µm</source>
        <translation>离焦 −0.1 µm</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="469"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="474"/>
        <source>System Default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="486"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="487"/>
        <source>LatentLens will be shown in %1 when it is next started.</source>
        <translation>下次启动 LatentLens 时，界面语言将切换为 %1。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="491"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="492"/>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="494"/>
        <source>&amp;About LatentLens</source>
        <translation>关于 LatentLens(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="496"/>
        <source>Navigator</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="514"/>
        <source> Channel </source>
        <translation> 通道 </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="514"/>
        <source>Channel of the image</source>
        <translation>图像的通道</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="515"/>
        <source> Slice </source>
        <translation> 切片 </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="515"/>
        <source>Z slice of the stack</source>
        <translation>图像栈的 Z 切片（z 层）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="516"/>
        <source> Frame </source>
        <translation> 帧 </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="516"/>
        <source>Time point of the series</source>
        <translation>序列的时间点</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="525"/>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="526"/>
        <source>Images (*.tif *.tiff *.png *.jpg *.jpeg);;Fluorescence maps (*.h5 *.hdf5 *.h5t *.hdf *.nxs);;All files (*)</source>
        <translation>图像 (*.tif *.tiff *.png *.jpg *.jpeg);;荧光分布图 (*.h5 *.hdf5 *.h5t *.hdf *.nxs);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="538"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="549"/>
        <source>Opening %1 (%2)…</source>
        <translation>正在打开 %1（%2）…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="570"/>
        <source>No image</source>
        <translation>没有图像</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="570"/>
        <source>Open an image before its ground truth.</source>
        <translation>请先打开图像，再打开其真值图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="607"/>
        <source>Cannot build the demo</source>
        <translation>无法生成演示</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="608"/>
        <source>The demo could not be computed: %1</source>
        <translation>无法计算演示：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="624"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="627"/>
        <source>Demo: a synthetic specimen blurred by the zone-plate probe at %1 µm (the red mark on the slider) with noise; each panel is one method&apos;s deblur, scored against the known truth. Open your own image with File ▸ Open.</source>
        <translation>演示：合成样品经波带片探针在 %1 µm 处模糊（滑块上的红色标记）并加入噪声；每个面板为一种方法的去模糊结果，并以已知真值评分。请通过“文件 ▸ 打开”打开您自己的图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="640"/>
        <location filename="../app/gui/mainwindow.cpp" line="648"/>
        <source>Cannot blur</source>
        <translation>无法模糊</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="640"/>
        <source>Open an image and wait for the kernel to be computed.</source>
        <translation>请打开图像，并等待卷积核计算完成。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="651"/>
        <source>%1 (blurred)</source>
        <translation>%1（已模糊）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="675"/>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="676"/>
        <source>, %n slice(s)</source>
        <translation>
            <numerusform>，%n 个切片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="677"/>
        <source>, %n channel(s)</source>
        <translation>
            <numerusform>，%n 个通道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="678"/>
        <source>, %n frame(s)</source>
        <translation>
            <numerusform>，%n 帧</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="680"/>
        <source>, pixel %1 nm</source>
        <translation>，像素 %1 nm</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="727"/>
        <source>  plane %1 of %2</source>
        <translation>  平面 %1 / %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="734"/>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="753"/>
        <location filename="../app/gui/mainwindow.cpp" line="784"/>
        <source> · PSNR %1 dB</source>
        <translation> · PSNR %1 dB</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="755"/>
        <location filename="../app/gui/mainwindow.cpp" line="786"/>
        <source> · SSIM %1</source>
        <translation> · SSIM %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="767"/>
        <source>No ground truth: File ▸ Open Ground Truth.</source>
        <translation>无真值图像：文件 ▸ 打开真值图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="772"/>
        <source>known: PSNR and SSIM are measured against it</source>
        <translation>已知：PSNR 和 SSIM 以其为参考计算</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="782"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="816"/>
        <source>One view of the network; the average of %1 views follows…</source>
        <translation>网络的单个视图；%1 个视图的平均随后计算…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="817"/>
        <source>Preview of the visible region at %1 µm; the whole image follows…</source>
        <translation>可见区域在 %1 µm 处的预览；整幅图像随后计算…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="842"/>
        <source>Nothing to deblur</source>
        <translation>没有可去模糊的内容</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="842"/>
        <source>Open an image or a stack first.</source>
        <translation>请先打开图像或图像栈。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="857"/>
        <source>Stack %v/%m</source>
        <translation>图像栈 %v/%m</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="873"/>
        <location filename="../app/gui/mainwindow.cpp" line="1005"/>
        <source>Deblur the whole stack first (Compute menu).</source>
        <translation>请先对整个图像栈去模糊（“计算”菜单）。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="922"/>
        <source>%1 did not finish every plane; export one file per method instead.</source>
        <translation>%1 未完成所有平面；请改为每种方法导出一个文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="961"/>
        <source>Wrote the stack results of %n method(s).</source>
        <translation>
            <numerusform>已写入 %n 种方法的图像栈结果。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="996"/>
        <source>%1 is the image the results were computed from; choose another name so that it is not overwritten.</source>
        <translation>%1 是计算这些结果所用的图像；请另选文件名，以免将其覆盖。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1008"/>
        <source>One file per method, float32</source>
        <translation>每种方法一个文件，float32</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1009"/>
        <source>One file per method, 16-bit</source>
        <translation>每种方法一个文件，16 位</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1009"/>
        <source>One file, the methods as channels, float32</source>
        <translation>单个文件，各方法作为通道，float32</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1010"/>
        <source>One file, the methods as channels, 16-bit</source>
        <translation>单个文件，各方法作为通道，16 位</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1012"/>
        <location filename="../app/gui/mainwindow.cpp" line="1019"/>
        <source>Export Stack Results</source>
        <translation>导出图像栈结果</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1013"/>
        <source>Layout and sample type (values in the input&apos;s own scale):</source>
        <translation>布局与数据类型（数值采用输入图像自身的标度）：</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1018"/>
        <source>stack</source>
        <translation>图像栈</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1039"/>
        <source>Computing: %1</source>
        <translation>正在计算：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="873"/>
        <location filename="../app/gui/mainwindow.cpp" line="1005"/>
        <location filename="../app/gui/mainwindow.cpp" line="1052"/>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1052"/>
        <source>Open an image first.</source>
        <translation>请先打开图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="957"/>
        <location filename="../app/gui/mainwindow.cpp" line="995"/>
        <location filename="../app/gui/mainwindow.cpp" line="1066"/>
        <location filename="../app/gui/mainwindow.cpp" line="1076"/>
        <location filename="../app/gui/mainwindow.cpp" line="1086"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="1069"/>
        <source>Wrote %1 (%n panel(s)).</source>
        <translation>
            <numerusform>已写入 %1（%n 个面板）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1079"/>
        <location filename="../app/gui/mainwindow.cpp" line="1089"/>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1021"/>
        <location filename="../app/gui/mainwindow.cpp" line="1100"/>
        <source>TIFF (*.tif *.tiff)</source>
        <translation>TIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1099"/>
        <source>OME-TIFF (*.ome.tif *.ome.tiff)</source>
        <translation>OME-TIFF (*.ome.tif *.ome.tiff)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1101"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1101"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1103"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1153"/>
        <source>a CUDA device is available; the network runs on %1</source>
        <translation>有可用的 CUDA 设备；网络运行于 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1154"/>
        <source>none; everything runs on the CPU</source>
        <translation>无；全部在 CPU 上运行</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1155"/>
        <source>&lt;h3&gt;LatentLens %1&lt;/h3&gt;&lt;p&gt;Non-blind deblurring for fluorescence microscopy with a deformable latent space.&lt;/p&gt;&lt;p&gt;Built on Qt %2 and:&lt;/p&gt;&lt;ul&gt;%3&lt;/ul&gt;&lt;p&gt;GPU: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LatentLens %1&lt;/h3&gt;&lt;p&gt;基于可变形隐空间的荧光显微图像非盲去模糊。&lt;/p&gt;&lt;p&gt;基于 Qt %2 以及：&lt;/p&gt;&lt;ul&gt;%3&lt;/ul&gt;&lt;p&gt;GPU：%4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1164"/>
        <source>About LatentLens</source>
        <translation>关于 LatentLens</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1172"/>
        <source>LatentLens User Guide</source>
        <translation>LatentLens 用户指南</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1189"/>
        <source>LatentLens</source>
        <translation>LatentLens</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1190"/>
        <source>%1 — LatentLens</source>
        <translation>%1 — LatentLens</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1210"/>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1211"/>
        <source>Stop training and quit? The last finished epoch is kept in %1; Resume in the Training panel continues from it.</source>
        <translation>停止训练并退出？最后完成的轮次已保存在 %1 中；在“训练”面板中点击“继续”即可从该处继续训练。</translation>
    </message>
</context>
<context>
    <name>latentlens::app::MethodPanel</name>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="25"/>
        <source>Wiener</source>
        <translation>维纳滤波</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="27"/>
        <source>Automatic (UPRE from the noise level)</source>
        <translation>自动（根据噪声水平按 UPRE 确定）</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="29"/>
        <source>Choose the regularisation per plane by UPRE from the estimated noise</source>
        <translation>根据估计的噪声，按 UPRE 为每个平面选择正则化参数</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="39"/>
        <source>Noise-to-signal ratio λ: larger is smoother</source>
        <translation>噪信比 λ：越大越平滑</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="42"/>
        <source>NSR λ</source>
        <translation>噪信比 λ</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="46"/>
        <source>Richardson–Lucy</source>
        <translation>Richardson–Lucy（理查森-露西）</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="51"/>
        <source>automatic stop</source>
        <translation>自动停止</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="53"/>
        <source>0 stops when the fit reaches the noise level</source>
        <translation>0：拟合达到噪声水平时停止</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="55"/>
        <source>The most iterations the automatic stop may take</source>
        <translation>自动停止时允许的最大迭代次数</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="59"/>
        <source>Automatic TV weight</source>
        <translation>自动 TV 权重</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="60"/>
        <source>Set the total-variation weight from the estimated noise</source>
        <translation>根据估计的噪声设定全变分权重</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="68"/>
        <source>Total-variation regularisation (Dey et al.); 0: none</source>
        <translation>全变分正则化（Dey 等）；0：不使用</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="69"/>
        <source>Biggs–Andrews acceleration</source>
        <translation>Biggs–Andrews 加速</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="72"/>
        <source>Extrapolate between iterations: the same result in fewer steps</source>
        <translation>在迭代之间外推：以更少的步数得到相同的结果</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="78"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="79"/>
        <source>Stop Richardson–Lucy now</source>
        <translation>立即停止 Richardson–Lucy</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="85"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="86"/>
        <source>At most</source>
        <translation>最多</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="88"/>
        <source>TV weight</source>
        <translation>TV 权重</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="95"/>
        <source>Hyper-Laplacian</source>
        <translation>超拉普拉斯</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="103"/>
        <source>Exponent of the gradient prior; 2/3 and 1/2 are solved exactly</source>
        <translation>梯度先验的指数；2/3 和 1/2 可精确求解</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="104"/>
        <source>Automatic λ from the noise level</source>
        <translation>根据噪声水平自动确定 λ</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="105"/>
        <source>Set the data weight from the estimated noise</source>
        <translation>根据估计的噪声设定数据项权重</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="112"/>
        <source>Weight of the data term: larger follows the data more closely</source>
        <translation>数据项权重：越大越贴合数据</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="113"/>
        <source>Paper preset (α 2/3, λ 2000)</source>
        <translation>论文预设（α 2/3，λ 2000）</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="114"/>
        <source>Krishnan and Fergus&apos;s published setting</source>
        <translation>Krishnan 和 Fergus 发表的参数设置</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="116"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="118"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="131"/>
        <source>Network model</source>
        <translation>网络模型</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="134"/>
        <source>The network model the comparison uses; empty: the default model</source>
        <translation>对比中使用的网络模型；留空：使用默认模型</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="136"/>
        <source>the default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="137"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="138"/>
        <source>Choose a model file (.llm)</source>
        <translation>选择模型文件（.llm）</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="139"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="140"/>
        <source>Use the model shipped with LatentLens</source>
        <translation>使用 LatentLens 自带的模型</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="149"/>
        <source>Views: the model&apos;s own</source>
        <translation>视图数：模型自带</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="150"/>
        <source>1 view (fastest)</source>
        <translation>1 个视图（最快）</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="152"/>
        <source>Average of %1 views</source>
        <translation>%1 个视图的平均</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="153"/>
        <source>How many mirrored views of each tile the network averages: more views are slower and score a little higher. The model&apos;s own count is the one its scores were measured with.</source>
        <translation>网络对每个图块平均多少个镜像视图：视图越多越慢，得分略高。模型自带的数量即测得其评分时所用的数量。</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="162"/>
        <source>Choose Model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="163"/>
        <source>LatentLens models (*.llm *.ckpt);;All files (*)</source>
        <translation>LatentLens 模型 (*.llm *.ckpt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>latentlens::app::ProbePanel</name>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="55"/>
        <source>Simulated zone plate</source>
        <translation>模拟波带片</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="56"/>
        <source>Probe file (ptychography, PSF)</source>
        <translation>探针文件（叠层成像，PSF）</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="57"/>
        <source>Simulate the zone plate&apos;s probe, or use a probe or PSF from a file</source>
        <translation>模拟波带片的探针，或使用文件中的探针或 PSF</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="63"/>
        <location filename="../app/gui/probepanel.cpp" line="102"/>
        <source> keV</source>
        <translation> keV</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="63"/>
        <source>Photon energy</source>
        <translation>光子能量</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="65"/>
        <source>Numerical aperture of the zone plate</source>
        <translation>波带片的数值孔径</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="68"/>
        <source>Central stop diameter as a fraction of the zone plate&apos;s</source>
        <translation>中心挡板直径占波带片直径的比例</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="70"/>
        <source> µm</source>
        <translation> µm</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="71"/>
        <source>Zone plate diameter (sets the focal length)</source>
        <translation>波带片直径（决定焦距）</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="72"/>
        <location filename="../app/gui/probepanel.cpp" line="98"/>
        <location filename="../app/gui/probepanel.cpp" line="134"/>
        <source> nm</source>
        <translation> nm</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="73"/>
        <source>Pixel size of the simulated probe field</source>
        <translation>模拟探针场的像素尺寸</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="78"/>
        <source>The probe field is simulated on N × N pixels</source>
        <translation>探针场在 N × N 像素上模拟</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="79"/>
        <location filename="../app/gui/probepanel.cpp" line="107"/>
        <source>Energy</source>
        <translation>能量</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="80"/>
        <source>NA</source>
        <translation>数值孔径</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="81"/>
        <source>Central stop</source>
        <translation>中心挡板</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="82"/>
        <source>Diameter</source>
        <translation>直径</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="83"/>
        <location filename="../app/gui/probepanel.cpp" line="106"/>
        <source>Probe pixel</source>
        <translation>探针像素</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="84"/>
        <source>Field</source>
        <translation>场大小</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="90"/>
        <source>Import Probe…</source>
        <translation>导入探针…</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="91"/>
        <source>A complex probe (.ptyr, .h5, .mat, .npy, .npz, TIFF real/imaginary pages) or a measured PSF</source>
        <translation>复数探针（.ptyr、.h5、.mat、.npy、.npz，或分页存放实部/虚部的 TIFF）或实测 PSF</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="93"/>
        <source>No probe file loaded.</source>
        <translation>未加载探针文件。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="99"/>
        <source>Pixel size of the probe or PSF in the file; 0 when unknown</source>
        <translation>文件中探针或 PSF 的像素尺寸；未知时为 0</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="101"/>
        <location filename="../app/gui/probepanel.cpp" line="105"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="103"/>
        <source>Photon energy of a complex probe (needed to propagate it); 0 when unknown</source>
        <translation>复数探针的光子能量（传播计算所需）；未知时为 0</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="114"/>
        <source>Import Probe</source>
        <translation>导入探针</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="115"/>
        <source>Probes (*.ptyr *.h5 *.hdf5 *.mat *.npy *.npz *.tif *.tiff);;All files (*)</source>
        <translation>探针 (*.ptyr *.h5 *.hdf5 *.mat *.npy *.npz *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="119"/>
        <source>Could not import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="123"/>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="128"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="130"/>
        <source>The kernel is cropped to N × N image pixels</source>
        <translation>卷积核裁剪为 N × N 个图像像素</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="132"/>
        <source>Keep the probe inside this fraction of the field&apos;s half-width (0: all)</source>
        <translation>仅保留探针在场半宽此比例以内的部分（0：全部保留）</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="135"/>
        <source>Pixel size of the image; 0 uses the probe&apos;s own pixel size</source>
        <translation>图像的像素尺寸；0 表示使用探针自身的像素尺寸</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="136"/>
        <source>probe&apos;s</source>
        <translation>同探针</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="139"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="140"/>
        <source>Support</source>
        <translation>支撑范围</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="141"/>
        <source>Image pixel</source>
        <translation>图像像素</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="146"/>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="147"/>
        <source>Logarithmic</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="148"/>
        <source>Draw the kernel on a linear or a logarithmic scale</source>
        <translation>以线性或对数标度绘制卷积核</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="153"/>
        <source>The kernel appears here.</source>
        <translation>卷积核将显示在此处。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="159"/>
        <source>Radial profile</source>
        <translation>径向轮廓</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="170"/>
        <source>Kernel display</source>
        <translation>卷积核显示</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="284"/>
        <source>The file gives %1 nm pixels.</source>
        <translation>文件给出的像素尺寸为 %1 nm。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="285"/>
        <source>The file gives no pixel size.</source>
        <translation>文件未给出像素尺寸。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="294"/>
        <source>The image has no pixel size: the kernel keeps the probe&apos;s sampling (%1 nm per pixel). Enter the image&apos;s pixel size above if it differs.</source>
        <translation>图像没有像素尺寸：卷积核沿用探针的采样（每像素 %1 nm）。如果图像的像素尺寸与此不同，请在上方输入。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="299"/>
        <source>The kernel is resampled from the probe&apos;s %1 nm pixels to %2 nm: check that both pixel sizes are right.</source>
        <translation>卷积核已从探针的 %1 nm 像素重采样为 %2 nm：请确认两个像素尺寸均正确。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="304"/>
        <source>The kernel is smaller than one image pixel (%1% of its energy in one pixel): there is little blur to remove, and deblurring mostly amplifies noise.</source>
        <translation>卷积核小于一个图像像素（%1% 的能量集中在一个像素内）：可去除的模糊很少，去模糊主要只会放大噪声。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="309"/>
        <source>The kernel is wide for this image: half its energy lies within %1 px of its centre, for an image of %2 × %3 px. Check the pixel sizes.</source>
        <translation>对此图像而言卷积核过宽：其一半能量位于距中心 %1 px 以内，而图像为 %2 × %3 px。请检查像素尺寸。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="334"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2，%3</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="338"/>
        <source>&lt;br&gt;A complex probe: it is propagated to the defocus.</source>
        <translation>&lt;br&gt;复数探针：将其传播到所设离焦量。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="339"/>
        <source>&lt;br&gt;An intensity PSF: used as it is, so the defocus slider is off.</source>
        <translation>&lt;br&gt;强度 PSF：按原样使用，因此离焦滑块不可用。</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="415"/>
        <source>%1 × %2 px at %3 µm; 50% of the energy within %4 px%5</source>
        <translation>%1 × %2 px，离焦 %3 µm；50% 的能量位于 %4 px 以内%5</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="420"/>
        <source> (%1 nm pixels)</source>
        <translation>（像素 %1 nm）</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="431"/>
        <source>radius (px)</source>
        <translation>半径 (px)</translation>
    </message>
</context>
<context>
    <name>latentlens::app::TrainingPanel</name>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="46"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="48"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="49"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="75"/>
        <source>folders or image files, separated by &apos;;&apos;</source>
        <translation>文件夹或图像文件，以 ; 分隔</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="76"/>
        <source>Clean images of your samples. The last few files are held out for validation.</source>
        <translation>您样品的清晰图像。最后几个文件将留出用于验证。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="78"/>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="79"/>
        <source>Add a folder of clean images to the training data</source>
        <translation>将一个包含清晰图像的文件夹添加到训练数据中</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="84"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="86"/>
        <source>Training Images</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="92"/>
        <source>Defocus values (µm) the deformer learns; it also learns between them</source>
        <translation>形变器学习的离焦量（µm）；它也会学习这些值之间的离焦</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="94"/>
        <source>Defocus (µm)</source>
        <translation>离焦 (µm)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="97"/>
        <source>Stage 1 trains the encoder and decoder at this defocus; it must be one of the list</source>
        <translation>阶段 1 在此离焦量下训练编码器和解码器；它必须是列表中的值之一</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="99"/>
        <source>Reference (µm)</source>
        <translation>参考 (µm)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="102"/>
        <source>Kernel-aware (the exact kernel through Wiener)</source>
        <translation>卷积核感知（通过维纳滤波引入精确卷积核）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="104"/>
        <source>Paper (Guan et al. 2022)</source>
        <translation>论文（Guan 等，2022）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="105"/>
        <source>The kernel-aware network also sees the Wiener estimate made with the exact kernel and the noise level, and has a third stage; the paper&apos;s network sees the defocus alone</source>
        <translation>卷积核感知网络还会接收以精确卷积核和噪声水平得到的维纳滤波估计，并有第三个训练阶段；论文中的网络只接收离焦量</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="108"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="109"/>
        <source>Epochs of stage 1 (encoder and decoder)</source>
        <translation>阶段 1 的轮次（编码器和解码器）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="110"/>
        <source>Epochs of stage 2 (deformer)</source>
        <translation>阶段 2 的轮次（形变器）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="112"/>
        <source>Epochs of stage 3 (everything together; kernel-aware network only)</source>
        <translation>阶段 3 的轮次（整体联合训练；仅限卷积核感知网络）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="121"/>
        <source>Batches per epoch</source>
        <translation>每轮批次数</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="122"/>
        <source>Crops per batch</source>
        <translation>每批裁剪块数</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="125"/>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="127"/>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="114"/>
        <source>Stage 1 epochs</source>
        <translation>阶段 1 轮次</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="115"/>
        <source>Stage 2 epochs</source>
        <translation>阶段 2 轮次</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="116"/>
        <source>Stage 3 epochs</source>
        <translation>阶段 3 轮次</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="129"/>
        <source>Training crops are N × N: a multiple of 4, at least the kernel size (64)</source>
        <translation>训练裁剪块为 N × N：须为 4 的倍数，且不小于卷积核尺寸（64）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="131"/>
        <source>Crop</source>
        <translation>裁剪块</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="138"/>
        <source>Small (CPU: width 32, latent 64)</source>
        <translation>小型（CPU：宽度 32，隐空间 64）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="139"/>
        <source>Paper (GPU: width 64, latent 256)</source>
        <translation>论文（GPU：宽度 64，隐空间 256）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="140"/>
        <source>Model size</source>
        <translation>模型规模</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="142"/>
        <source>Automatic (GPU if available)</source>
        <translation>自动（如有 GPU 则使用）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="143"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="144"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="145"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="150"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="151"/>
        <source>Choose where the trained model is saved</source>
        <translation>选择训练好的模型的保存位置</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="155"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="158"/>
        <source>Save Model As</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="158"/>
        <source>LatentLens models (*.llm)</source>
        <translation>LatentLens 模型 (*.llm)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="163"/>
        <source>The model file to write; its checkpoint is kept beside it</source>
        <translation>要写入的模型文件；其检查点保存在同一文件夹中</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="164"/>
        <source>Network widths: small trains on a CPU, the paper&apos;s wants a GPU</source>
        <translation>网络宽度：小型可在 CPU 上训练，论文规模需要 GPU</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="165"/>
        <source>Where to train</source>
        <translation>用于训练的设备</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="172"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="173"/>
        <source>Train a new model from the first epoch</source>
        <translation>从第一轮开始训练新模型</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="174"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="175"/>
        <source>Stop after the running batch; the last finished epoch is kept</source>
        <translation>在当前批次结束后停止；保留最后完成的轮次</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="176"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="177"/>
        <source>Continue from the checkpoint of the last finished epoch</source>
        <translation>从最后完成轮次的检查点继续</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="178"/>
        <source>Use the New Model</source>
        <translation>使用新模型</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="179"/>
        <source>Replace the model the comparison uses with the one just trained</source>
        <translation>用刚训练好的模型替换对比中使用的模型</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="206"/>
        <source>Not running.</source>
        <translation>未在运行。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="211"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="214"/>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="222"/>
        <source>stage 1 (f, g)</source>
        <translation>阶段 1 (f, g)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="223"/>
        <source>stage 2 (deformer)</source>
        <translation>阶段 2（形变器）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="224"/>
        <source>stage 3 (all)</source>
        <translation>阶段 3（全部）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="233"/>
        <source>Validation PSNR per kernel (dB)</source>
        <translation>各卷积核的验证 PSNR (dB)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="236"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="276"/>
        <source>Choose the folder of training images.</source>
        <translation>请选择训练图像所在的文件夹。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="280"/>
        <source>The data holds no PNG, JPEG or TIFF images.</source>
        <translation>数据中没有 PNG、JPEG 或 TIFF 图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="293"/>
        <source>&quot;%1&quot; is not a defocus in µm.</source>
        <translation>“%1”不是以 µm 为单位的离焦量。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="300"/>
        <source>List at least two defocus values.</source>
        <translation>请至少列出两个离焦量。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="307"/>
        <source>The reference defocus must be one of the listed values.</source>
        <translation>参考离焦量必须是所列值之一。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="318"/>
        <source>The crop must be a multiple of 4 and at least the kernel size (%1 px).</source>
        <translation>裁剪块尺寸必须是 4 的倍数，且不小于卷积核尺寸（%1 px）。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="419"/>
        <location filename="../app/gui/trainingpanel.cpp" line="617"/>
        <source>Choose where to save the model.</source>
        <translation>请选择模型的保存位置。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="422"/>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="440"/>
        <source>Resuming from the checkpoint…</source>
        <translation>正在从检查点继续…</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="441"/>
        <source>Reading the training images…</source>
        <translation>正在读取训练图像…</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="499"/>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="541"/>
        <source>, about %1 left</source>
        <translation>，约剩 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="543"/>
        <source>Stage %1, epoch %2 of %3, batch %4 of %5: loss %6%7</source>
        <translation>阶段 %1，轮次 %2/%3，批次 %4/%5：损失 %6%7</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="577"/>
        <source>Stopped. Resume continues after the last finished epoch.</source>
        <translation>已停止。点击“继续”将从最后完成的轮次之后继续。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="582"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="592"/>
        <source>Done in %1: %2.</source>
        <translation>完成，用时 %1：%2。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="594"/>
        <source> No held-out images to score it on (give at least five files).</source>
        <translation>没有可用于评估的留出图像（请至少提供五个文件）。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="596"/>
        <source> On the held-out images the new model reaches %1 dB, the model in use %2 dB.</source>
        <translation>在留出图像上，新模型达到 %1 dB，当前使用的模型为 %2 dB。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="600"/>
        <source> On the held-out images the new model reaches %1 dB; the model in use cannot be scored on them (%2).</source>
        <translation>在留出图像上，新模型达到 %1 dB；当前使用的模型无法在其上评估（%2）。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="603"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="604"/>
        <source> The comparison keeps its model until you choose Use the New Model.</source>
        <translation>在您选择“使用新模型”之前，对比将继续使用原模型。</translation>
    </message>
</context>
<context>
    <name>latentlens::app::VolumeDock</name>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="117"/>
        <location filename="../app/gui/volumedock.cpp" line="206"/>
        <source>Open a stack (two or more z planes) to see it in 3-D.</source>
        <translation>打开一个图像栈（两个或更多 z 平面）即可在三维中查看。</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="123"/>
        <source>The stack: drag to turn, right-drag or wheel to zoom, middle-drag to move</source>
        <translation>图像栈：拖动旋转，右键拖动或滚轮缩放，中键拖动平移</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="127"/>
        <source>The method&apos;s result for the whole stack, seen by the same camera</source>
        <translation>该方法对整个图像栈的结果，使用同一相机查看</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="133"/>
        <source>Volume</source>
        <translation>体积</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="143"/>
        <source>The probe&apos;s intensity (log scale) along the beam over the defocus slider&apos;s range; the blue plane is the current defocus</source>
        <translation>探针强度（对数刻度）沿光束在离焦滑块范围内的分布；蓝色平面为当前离焦</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="146"/>
        <source>Caustic</source>
        <translation>焦散</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="204"/>
        <source>This image has a single z plane: open a stack to see it in 3-D.</source>
        <translation>此图像只有一个 z 平面：打开一个图像栈即可在三维中查看。</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="210"/>
        <source>Preparing the volume…</source>
        <translation>正在准备体积…</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="244"/>
        <source>The caustic is drawn for the simulated zone plate; choose &quot;Simulated zone plate&quot; in the Probe panel.</source>
        <translation>焦散针对模拟波带片绘制；请在探针面板中选择“模拟波带片”。</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="256"/>
        <source>Computing the caustic (%1 planes)…</source>
        <translation>正在计算焦散（%1 个平面）…</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="295"/>
        <source>The caustic could not be computed: %1</source>
        <translation>无法计算焦散：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="298"/>
        <source>The volume could not be prepared: %1</source>
        <translation>无法准备体积：%1</translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::ComparisonGrid</name>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="33"/>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="34"/>
        <source>Choose the methods shown</source>
        <translation>选择要显示的方法</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="39"/>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="42"/>
        <source>Auto, each panel</source>
        <translation>自动，逐面板</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="43"/>
        <source>Auto, like the input</source>
        <translation>自动，与输入相同</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="44"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="45"/>
        <source>Auto: 0.1 and 99.9 percentiles shown as black and white</source>
        <translation>自动：0.1 和 99.9 百分位数分别显示为黑色和白色</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="56"/>
        <source>Value shown as the darkest colour</source>
        <translation>显示为最暗颜色的值</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="57"/>
        <source>Value shown as the brightest colour</source>
        <translation>显示为最亮颜色的值</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="59"/>
        <source>Colours</source>
        <translation>颜色映射</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="62"/>
        <source>Colour map of every panel</source>
        <translation>所有面板的颜色映射</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="68"/>
        <source>Wheel: zoom · drag: pan · Shift+drag: line profile</source>
        <translation>滚轮：缩放 · 拖动：平移 · Shift+拖动：线轮廓</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="420"/>
        <source>x %1, y %2: %3</source>
        <translation>x %1，y %2：%3</translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::DefocusControl</name>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="25"/>
        <source>Defocus</source>
        <translation>离焦</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="28"/>
        <source>Defocus of the probe: drag, or use the arrow keys</source>
        <translation>探针的离焦量：拖动滑块或使用方向键调节</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="33"/>
        <source> µm</source>
        <translation> µm</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="35"/>
        <source>Defocus of the probe in µm, to 0.01 µm</source>
        <translation>探针的离焦量（µm），精确到 0.01 µm</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="138"/>
        <source>No model: the network methods are off.</source>
        <translation>没有模型：网络方法已停用。</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="143"/>
        <source>Model trained at %1 µm (marked); values between are interpolated by the network.</source>
        <translation>模型在 %1 µm 处训练（已标记）；其间的值由网络插值。</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="148"/>
        <source>True blur of this image: %1 µm (the red mark).</source>
        <translation>此图像的真实模糊：离焦 %1 µm（红色标记）。</translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::LineProfileView</name>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="25"/>
        <source>Shift-drag across any panel of the grid to plot every method along that line.</source>
        <translation>在网格的任一面板上按住 Shift 拖动，即可绘制各方法沿该直线的轮廓。</translation>
    </message>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="43"/>
        <source>distance along the line (px)</source>
        <translation>沿线距离 (px)</translation>
    </message>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="46"/>
        <source>value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::VtkOpenGLView</name>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="87"/>
        <source>No OpenGL context could be created.</source>
        <translation>无法创建 OpenGL 上下文。</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="93"/>
        <source>OpenGL %1.%2 is too old: the 3-D view needs 3.2 or newer.</source>
        <translation>OpenGL %1.%2 版本过旧：三维视图需要 3.2 或更高版本。</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="264"/>
        <source>OpenGL is switched off for this view.</source>
        <translation>此视图已关闭 OpenGL。</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="291"/>
        <source>The 3-D view is not available: %1
The 2-D views work without it; an OpenGL 3.2 driver (or Mesa&apos;s software renderer) enables it.</source>
        <translation>三维视图不可用：%1
二维视图不受影响；安装 OpenGL 3.2 驱动（或 Mesa 软件渲染器）即可启用。</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="353"/>
        <source>no OpenGL context could be created on this display.</source>
        <translation>无法在此显示器上创建 OpenGL 上下文。</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="360"/>
        <source>the OpenGL context could not be made current.</source>
        <translation>无法激活 OpenGL 上下文。</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="366"/>
        <source>the display offers OpenGL %1.%2; 3.2 or newer is needed.</source>
        <translation>显示器提供 OpenGL %1.%2；需要 3.2 或更高版本。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="91"/>
        <source>LatentLens studio: non-blind deblurring for fluorescence microscopy. Without a file it opens the built-in demo.</source>
        <translation>LatentLens studio：荧光显微图像的非盲去模糊。未指定文件时打开内置演示。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="96"/>
        <source>Image to open.</source>
        <translation>要打开的图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="98"/>
        <source>When every method has finished (or a training run with --train-demo), save a picture of the window to &lt;png&gt; and quit (for documentation).</source>
        <translation>在所有方法完成后（或使用 --train-demo 时训练完成后），将窗口截图保存到 &lt;png&gt; 并退出（用于文档）。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="103"/>
        <source>Use the opened image as the ground truth: blur it with the probe at the current defocus and deblur that.</source>
        <translation>将打开的图像作为真值：用当前离焦量下的探针对其进行模糊，再对结果去模糊。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="107"/>
        <source>Show the training panel and train a short demonstration run (3 + 3 epochs of 10 batches) on the images in &lt;folder&gt;, saving the model to the system&apos;s temporary folder.</source>
        <translation>显示训练面板，并用 &lt;folder&gt; 中的图像进行一次简短的演示训练（3 + 3 轮，每轮 10 个批次），模型保存到系统临时文件夹。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="113"/>
        <source>Draw the line profile from (x1, y1) to (x2, y2), in image pixels.</source>
        <translation>绘制从 (x1, y1) 到 (x2, y2) 的线轮廓，单位为图像像素。</translation>
    </message>
</context>
</TS>
