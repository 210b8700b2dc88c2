# INJ005 server-side-request-forgery: an Azure SDK client sends its requests, and its credential, to the URL it is made
# for.
from azure.identity import DefaultAzureCredential
from azure.keyvault.secrets import SecretClient
from azure.storage.blob import BlobServiceClient, ContainerClient
from flask import Flask, request

app = Flask(__name__)
credential = DefaultAzureCredential()


@app.route("/secret")
def secret():
    client = SecretClient(vault_url=request.args["vault"], credential=credential)  # positive: the client chose the vault
    return client.get_secret("db-password").value


@app.route("/container")
def container():
    client = ContainerClient.from_container_url(f"https://{request.args['account']}.blob.core.windows.net/c")  # positive: the host
    return str(list(client.list_blobs()))


@app.route("/blobs")
def blobs():
    service = BlobServiceClient("https://prod.blob.core.windows.net", credential=credential)
    return str(list(service.get_container_client(request.args["container"]).list_blobs()))  # negative: a fixed account
