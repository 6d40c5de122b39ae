<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ColourMap</name>
    <message>
        <location filename="../widgets/colourmap.cpp" line="48"/>
        <source>Grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="50"/>
        <source>Fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="52"/>
        <source>Magma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="54"/>
        <source>Viridis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultExporter</name>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="55"/>
        <source>%1 was not written: the %2 panel holds %3 × %4 pixels, the image %5 × %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="78"/>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="90"/>
        <location filename="../app/gui/resultexporter.cpp" line="100"/>
        <location filename="../app/gui/resultexporter.cpp" line="116"/>
        <source>%1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyntheticCase</name>
    <message>
        <location filename="../app/gui/syntheticcase.cpp" line="25"/>
        <source>specimen blurred by the default probe at %1 µm, noise variance %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/syntheticcase.cpp" line="45"/>
        <source>plane %1 blurred at %2 µm, noise variance %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::app::ComparisonRunner</name>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="108"/>
        <source>This model was trained for another probe: at %1 µm its kernel differs from the chosen probe&apos;s by %2% of the energy. Choose the probe it was trained with (%3 keV, NA %4, %5 nm pixels) or train a model for this probe in the Training panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="145"/>
        <source>Deformable latent space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="147"/>
        <source>NODEFORM (ablation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="149"/>
        <source>Wiener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="151"/>
        <source>Richardson–Lucy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="153"/>
        <source>Hyper-Laplacian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="379"/>
        <source>λ %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="381"/>
        <source> (UPRE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="386"/>
        <source>%1 iterations%2, TV %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="388"/>
        <source> (automatic stop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="389"/>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="393"/>
        <source>α %1, λ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="404"/>
        <source>No model file: the default model was not found. Choose one in the method settings, or train one in the Training panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="454"/>
        <source>%1 µm, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="457"/>
        <source>reference kernel %1 µm only, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/comparisonrunner.cpp" line="522"/>
        <source>The result holds %n non-finite value(s), so it is not shown.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="523"/>
        <source>The result has another size than the image, so it is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::app::JobWorker</name>
    <message>
        <location filename="../app/gui/jobworker.cpp" line="109"/>
        <source>Not enough memory for this job. Try a smaller image or region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/jobworker.cpp" line="113"/>
        <source>The job failed for an unknown reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::app::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="54"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="55"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="95"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="98"/>
        <source>Ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="103"/>
        <source>Open a fluorescence image or stack (File ▸ Open, or drop a file here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="133"/>
        <source>Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="136"/>
        <source>Methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="139"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="143"/>
        <source>Line profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="160"/>
        <source>The new model %1 is now used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="183"/>
        <source>No result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="194"/>
        <source>%1 on %2; trained at %3 µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="207"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="208"/>
        <source>Stop every running method (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="224"/>
        <source>Cannot use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="225"/>
        <source>The ground truth must have the image&apos;s size (%1 × %2 px); %3 is %4 × %5 px.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="244"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="252"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="262"/>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="263"/>
        <source>The file %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="270"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="271"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="273"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="275"/>
        <source>XRF &amp;Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="276"/>
        <source>The analysis of an XRF-Maps file to show (Fitted, NNLS, ROI, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="281"/>
        <source>Open &amp;Ground Truth…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="282"/>
        <source>Open Ground Truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="284"/>
        <source>Images (*.tif *.tiff *.png *.jpg *.jpeg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="288"/>
        <source>Open &amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="291"/>
        <source>&amp;Blur This Image as Ground Truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="294"/>
        <source>Use the current plane as the ground truth and blur it with the current probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="297"/>
        <source>&amp;Export Results as TIFF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="300"/>
        <source>Export &amp;Grid as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="302"/>
        <source>Export &amp;Metrics as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="304"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="307"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="308"/>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="314"/>
        <source>&amp;Next Plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="317"/>
        <source>&amp;Previous Plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="323"/>
        <source>&amp;Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="325"/>
        <source>&amp;Recompute All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="327"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="333"/>
        <source>Defocus +0.1 µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="336"/>
        <source>Defocus ℠.1 µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="339"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="340"/>
        <source>&amp;About LatentLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="342"/>
        <source>Navigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="360"/>
        <source> Channel </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="360"/>
        <source>Channel of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="361"/>
        <source> Slice </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="361"/>
        <source>Z slice of the stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="362"/>
        <source> Frame </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="362"/>
        <source>Time point of the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="371"/>
        <source>Open Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="372"/>
        <source>Images (*.tif *.tiff *.png *.jpg *.jpeg);;Fluorescence maps (*.h5 *.hdf5 *.h5t *.hdf *.nxs);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="384"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="395"/>
        <source>Opening %1 (%2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="416"/>
        <source>No image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="416"/>
        <source>Open an image before its ground truth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="453"/>
        <source>Cannot build the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="454"/>
        <source>The demo could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="470"/>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="479"/>
        <location filename="../app/gui/mainwindow.cpp" line="487"/>
        <source>Cannot blur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="479"/>
        <source>Open an image and wait for the kernel to be computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="490"/>
        <source>%1 (blurred)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="506"/>
        <source>%1 × %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="507"/>
        <source>, %n slice(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="508"/>
        <source>, %n channel(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="509"/>
        <source>, %n frame(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="511"/>
        <source>, pixel %1 nm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="554"/>
        <source>  plane %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="561"/>
        <source>computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="579"/>
        <location filename="../app/gui/mainwindow.cpp" line="610"/>
        <source> · PSNR %1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="581"/>
        <location filename="../app/gui/mainwindow.cpp" line="612"/>
        <source> · SSIM %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="593"/>
        <source>No ground truth: File ▸ Open Ground Truth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="598"/>
        <source>known: PSNR and SSIM are measured against it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="608"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="640"/>
        <source>Preview of the visible region at %1 µm; the whole image follows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="667"/>
        <source>Computing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="680"/>
        <source>Nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="680"/>
        <source>Open an image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="692"/>
        <location filename="../app/gui/mainwindow.cpp" line="702"/>
        <location filename="../app/gui/mainwindow.cpp" line="712"/>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="695"/>
        <source>Wrote %1 (%n panel(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="705"/>
        <location filename="../app/gui/mainwindow.cpp" line="715"/>
        <source>Wrote %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="726"/>
        <source>TIFF (*.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="726"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="726"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="728"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="775"/>
        <source>a CUDA device is available; the network runs on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="776"/>
        <source>none; everything runs on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="777"/>
        <source>&lt;h3&gt;LatentLens %1&lt;/h3&gt;&lt;p&gt;Non-blind deblurring for fluorescence microscopy with a deformable latent space.&lt;/p&gt;&lt;p&gt;Built on Qt %2 and:&lt;/p&gt;&lt;ul&gt;%3&lt;/ul&gt;&lt;p&gt;GPU: %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="786"/>
        <source>About LatentLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="791"/>
        <source>LatentLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="792"/>
        <source>%1 — LatentLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="812"/>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="813"/>
        <source>Stop training and quit? The last finished epoch is kept in %1; Resume in the Training panel continues from it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::app::MethodPanel</name>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="22"/>
        <source>Wiener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="24"/>
        <source>Automatic (UPRE from the noise level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="34"/>
        <source>Noise-to-signal ratio λ: larger is smoother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="37"/>
        <source>NSR λ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="41"/>
        <source>Richardson–Lucy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="46"/>
        <source>automatic stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="48"/>
        <source>0 stops when the fit reaches the noise level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="53"/>
        <source>Automatic TV weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="61"/>
        <source>Total-variation regularisation (Dey et al.); 0: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="62"/>
        <source>Biggsĺndrews acceleration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="68"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="69"/>
        <source>Stop Richardson–Lucy now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="74"/>
        <source>Iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="75"/>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="77"/>
        <source>TV weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="84"/>
        <source>Hyper-Laplacian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="92"/>
        <source>Exponent of the gradient prior; 2/3 and 1/2 are solved exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="93"/>
        <source>Automatic λ from the noise level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="100"/>
        <source>Weight of the data term: larger follows the data more closely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="101"/>
        <source>Paper preset (α 2/3, λ 2000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="103"/>
        <source>α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="105"/>
        <source>λ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="118"/>
        <source>Network model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="122"/>
        <source>the default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="123"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="124"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="136"/>
        <source>Choose Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="137"/>
        <source>LatentLens models (*.llm *.ckpt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::app::ProbePanel</name>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="55"/>
        <source>Simulated zone plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="56"/>
        <source>Probe file (ptychography, PSF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="62"/>
        <location filename="../app/gui/probepanel.cpp" line="101"/>
        <source> keV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="62"/>
        <source>Photon energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="64"/>
        <source>Numerical aperture of the zone plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="67"/>
        <source>Central stop diameter as a fraction of the zone plate&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="69"/>
        <source> µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="70"/>
        <source>Zone plate diameter (sets the focal length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="71"/>
        <location filename="../app/gui/probepanel.cpp" line="97"/>
        <location filename="../app/gui/probepanel.cpp" line="133"/>
        <source> nm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="72"/>
        <source>Pixel size of the simulated probe field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="77"/>
        <source>The probe field is simulated on N × N pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="78"/>
        <location filename="../app/gui/probepanel.cpp" line="106"/>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="79"/>
        <source>NA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="80"/>
        <source>Central stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="81"/>
        <source>Diameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="82"/>
        <location filename="../app/gui/probepanel.cpp" line="105"/>
        <source>Probe pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="83"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="89"/>
        <source>Import Probe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="90"/>
        <source>A complex probe (.ptyr, .h5, .mat, .npy, .npz, TIFF real/imaginary pages) or a measured PSF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="92"/>
        <source>No probe file loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="98"/>
        <source>Pixel size of the probe or PSF in the file; 0 when unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="100"/>
        <location filename="../app/gui/probepanel.cpp" line="104"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="102"/>
        <source>Photon energy of a complex probe (needed to propagate it); 0 when unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="113"/>
        <source>Import Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="114"/>
        <source>Probes (*.ptyr *.h5 *.hdf5 *.mat *.npy *.npz *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="118"/>
        <source>Could not import %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="122"/>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="127"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="129"/>
        <source>The kernel is cropped to N × N image pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="131"/>
        <source>Keep the probe inside this fraction of the field&apos;s half-width (0: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="134"/>
        <source>Pixel size of the image; 0 uses the probe&apos;s own pixel size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="135"/>
        <source>probe&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="138"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="139"/>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="140"/>
        <source>Image pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="145"/>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="146"/>
        <source>Logarithmic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="151"/>
        <source>The kernel appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="157"/>
        <source>Radial profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="168"/>
        <source>Kernel display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="284"/>
        <source>The file gives %1 nm pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="285"/>
        <source>The file gives no pixel size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="296"/>
        <source>The image has no pixel size: the kernel keeps the probe&apos;s sampling (%1 nm per pixel). Enter the image&apos;s pixel size above if it differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="301"/>
        <source>The kernel is resampled from the probe&apos;s %1 nm pixels to %2 nm: check that both pixel sizes are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="306"/>
        <source>The kernel is smaller than one image pixel (%1% of its energy in one pixel): there is little blur to remove, and deblurring mostly amplifies noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="311"/>
        <source>The kernel is wide for this image: half its energy lies within %1 px of its centre, for an image of %2 × %3 px. Check the pixel sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="336"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="340"/>
        <source>&lt;br&gt;A complex probe: it is propagated to the defocus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="341"/>
        <source>&lt;br&gt;An intensity PSF: used as it is, so the defocus slider is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="417"/>
        <source>%1 × %2 px at %3 µm; 50% of the energy within %4 px%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="422"/>
        <source> (%1 nm pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="433"/>
        <source>radius (px)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::app::TrainingPanel</name>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="45"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="47"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="48"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="73"/>
        <source>folders or image files, separated by &apos;;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="74"/>
        <source>Clean images of your samples. The last few files are held out for validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="76"/>
        <source>Add Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="80"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="82"/>
        <source>Training Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="88"/>
        <source>Defocus values (µm) the deformer learns; it also learns between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="90"/>
        <source>Defocus (µm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="92"/>
        <source>Stage 1 trains the encoder and decoder at this defocus; it must be one of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="94"/>
        <source>Reference (µm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="97"/>
        <source>Kernel-aware (the exact kernel through Wiener)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="99"/>
        <source>Paper (Guan et al. 2022)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="100"/>
        <source>The kernel-aware network also sees the Wiener estimate made with the exact kernel and the noise level, and has a third stage; the paper&apos;s network sees the defocus alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="103"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="104"/>
        <source>Epochs of stage 1 (encoder and decoder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="105"/>
        <source>Epochs of stage 2 (deformer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="107"/>
        <source>Epochs of stage 3 (everything together; kernel-aware network only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="110"/>
        <location filename="../app/gui/trainingpanel.cpp" line="112"/>
        <source>then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="114"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="119"/>
        <source>Batches per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="120"/>
        <source>Crops per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="123"/>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="125"/>
        <source>Batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="126"/>
        <source>Training crops are N × N (a multiple of 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="128"/>
        <source>Crop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="130"/>
        <source>Small (CPU: width 32, latent 64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="131"/>
        <source>Paper (GPU: width 64, latent 256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="132"/>
        <source>Model size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="134"/>
        <source>Automatic (GPU if available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="135"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="136"/>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="137"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="142"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="146"/>
        <source>Model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="149"/>
        <source>Save Model As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="149"/>
        <source>LatentLens models (*.llm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="155"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="156"/>
        <source>Train a new model from the first epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="157"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="158"/>
        <source>Stop after the running batch; the last finished epoch is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="159"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="160"/>
        <source>Continue from the checkpoint of the last finished epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="161"/>
        <source>Use the New Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="162"/>
        <source>Replace the model the comparison uses with the one just trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="180"/>
        <source>Not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="185"/>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="188"/>
        <source>batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="196"/>
        <source>stage 1 (f, g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="197"/>
        <source>stage 2 (deformer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="198"/>
        <source>stage 3 (all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="207"/>
        <source>Validation PSNR per kernel (dB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="210"/>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="249"/>
        <source>Choose the folder of training images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="253"/>
        <source>The data holds no PNG, JPEG or TIFF images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="266"/>
        <source>&quot;%1&quot; is not a defocus in µm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="273"/>
        <source>List at least two defocus values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="280"/>
        <source>The reference defocus must be one of the listed values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="387"/>
        <source>Choose where to save the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="390"/>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="408"/>
        <source>Resuming from the checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="409"/>
        <source>Reading the training images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="467"/>
        <source>%1 µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="509"/>
        <source>, about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="511"/>
        <source>Stage %1, epoch %2 of %3, batch %4 of %5: loss %6%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="560"/>
        <source>Done in %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="562"/>
        <source> No held-out images to score it on (give at least five files).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="564"/>
        <source> On the held-out images the new model reaches %1 dB, the model in use %2 dB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="568"/>
        <source> On the held-out images the new model reaches %1 dB; the model in use cannot be scored on them (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="571"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="572"/>
        <source> The comparison keeps its model until you choose Use the New Model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="545"/>
        <source>Stopped. Resume continues after the last finished epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="550"/>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::ComparisonGrid</name>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="33"/>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="34"/>
        <source>Choose the methods shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="39"/>
        <source>Contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="42"/>
        <source>Auto, each panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="43"/>
        <source>Auto, like the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="44"/>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="45"/>
        <source>Auto: 0.1 and 99.9 percentiles shown as black and white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="56"/>
        <source>Value shown as the darkest colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="57"/>
        <source>Value shown as the brightest colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="59"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="67"/>
        <source>Wheel: zoom · drag: pan · Shift+drag: line profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="419"/>
        <source>x %1, y %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::DefocusControl</name>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="25"/>
        <source>Defocus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="28"/>
        <source>Defocus of the probe: drag, or use the arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="33"/>
        <source> µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="100"/>
        <source>No model: the network methods are off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="105"/>
        <source>Model trained at %1 µm (marked); values between are interpolated by the network.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::LineProfileView</name>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="25"/>
        <source>Shift-drag across any panel of the grid to plot every method along that line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="43"/>
        <source>distance along the line (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="46"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="52"/>
        <source>LatentLens studio: non-blind deblurring for fluorescence microscopy. Without a file it opens the built-in demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="57"/>
        <source>Image to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="59"/>
        <source>When every method has finished (or a training run with --train-demo), save a picture of the window to &lt;png&gt; and quit (for documentation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="64"/>
        <source>Use the opened image as the ground truth: blur it with the probe at the current defocus and deblur that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="68"/>
        <source>Show the training panel and train a short demonstration run (3 + 3 epochs of 10 batches) on the images in &lt;folder&gt;, saving the model to the system&apos;s temporary folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="74"/>
        <source>Draw the line profile from (x1, y1) to (x2, y2), in image pixels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
