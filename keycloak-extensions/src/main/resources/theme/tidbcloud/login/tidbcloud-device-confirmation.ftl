<#-- Device Confirmation (RFC 8628 section 5.4): DeviceConfirmationRequiredAction. The ids and
     button names are fixed (ARCHITECTURE.md, "Browser pages that automation relies on"). -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: tidbcloud-device-confirmation.ftl (tidbcloud) -->
    <#if section = "header">
        ${msg("tidbcloudDeviceConfirmationTitle")}
    <#elseif section = "form">
        <p id="device-application">${msg("tidbcloudDeviceConfirmationApplication", applicationName)}</p>
        <p class="tidbcloud-user-code"><code id="device-user-code">${deviceUserCode}</code></p>
        <p id="device-confirmation-warning"><strong>${msg("tidbcloudDeviceConfirmationWarning")}</strong></p>
        <p>${msg("tidbcloudDeviceConfirmationOtherwise")}</p>
        <form id="tidbcloud-device-confirmation-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="POST">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button name="confirm" id="device-confirm" label="tidbcloudDeviceConfirm"/>
                <@buttons.button name="cancel" id="device-cancel" label="tidbcloudDeviceCancel" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
